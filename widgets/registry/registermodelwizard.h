#pragma once

#include "registry/modelregistry.h"
#include "store/types.h"

#include <QWizard>

namespace mlwb {

class IdentityPage;
class SourcePage;
class SummaryPage;
class Workspace;

/// Register Model: source (a run's outputs or files on disk), identity
/// (model name, the number the version gets, description, tags, aliases,
/// framework, environment) and a summary. It only collects: request() is
/// what the registry is asked, as `mlwb model register` asks it.
class RegisterModelWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { SourcePageId, IdentityPageId, SummaryPageId };

    explicit RegisterModelWizard(const Workspace &workspace, QWidget *parent = nullptr);

    /// Starts on a run's outputs; `outputPath` ("outputs/REL") selected when given.
    void preselectRun(Id runId, const QString &outputPath = QString());
    RegisterRequest request() const;

    SourcePage *sourcePage() const { return m_source; }
    IdentityPage *identityPage() const { return m_identity; }
    SummaryPage *summaryPage() const { return m_summary; }

private:
    SourcePage *m_source;
    IdentityPage *m_identity;
    SummaryPage *m_summary;
};

} // namespace mlwb
