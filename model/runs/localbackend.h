#pragma once

#include "runs/environmentcapture.h"
#include "runs/targetbackend.h"

#include <QCoreApplication>
#include <memory>

namespace mlwb {

/// Runs on this computer: the snapshot is expanded into the run folder and
/// the run writes its log and metrics there itself, so polling only asks
/// whether its process group still lives.
class LocalBackend : public TargetBackend
{
    Q_DECLARE_TR_FUNCTIONS(LocalBackend)
public:
    explicit LocalBackend(const RunContext &context);

    int pollIntervalMs() const override { return 50; }
    bool hasStarted() const override;
    bool prepare(QString *error) override;
    bool start(QString *error) override;
    Step poll(bool *ended, bool *more, QString *error) override;
    bool terminate() override;
    Step collect(QString *error) override;
    QString failureMessage(qint64 exitCode, bool timedOut) const override;

    ~LocalBackend() override;

private:
    void endCapture(bool wait);

    RunContext m_context;
    qint64 m_pgid = -1;
    std::unique_ptr<environmentcapture::LocalCapture> m_capture;
};

} // namespace mlwb
