#pragma once

#include "store/types.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

class QFormLayout;
class QGridLayout;
class QGroupBox;

namespace mlwb {

class Workspace;

/// The top of a run's Overview: its parameters, and each scalar metric as a
/// tile with its final value and a sparkline of its whole history.
class RunSummary : public QWidget
{
    Q_OBJECT
public:
    RunSummary(const Workspace &workspace, QWidget *parent = nullptr);

    void setParameters(const QStringList &arguments);
    /// Reads the metrics again; while a run logs, at most every two seconds.
    void refreshMetrics(Id runId);
    int tileCount() const;

private:
    void readMetrics();

    const Workspace &m_workspace;
    Id m_runId = 0;
    QGroupBox *m_parametersBox;
    QFormLayout *m_parameters;
    QGroupBox *m_metricsBox;
    QGridLayout *m_tiles;
    QElapsedTimer m_lastRead;
    QTimer m_pending;
};

} // namespace mlwb
