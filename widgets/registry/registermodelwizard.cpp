#include "registry/registermodelwizard.h"

#include "registry/identitypage.h"
#include "registry/sourcepage.h"
#include "registry/summarypage.h"

namespace mlwb {

RegisterModelWizard::RegisterModelWizard(const Workspace &workspace, QWidget *parent)
    : QWizard(parent)
{
    setObjectName(QStringLiteral("registerModelWizard"));
    setWindowTitle(tr("Register Model"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    m_source = new SourcePage(workspace, this);
    m_identity = new IdentityPage(workspace, m_source, this);
    m_summary = new SummaryPage(workspace, m_source, m_identity, this);
    setPage(SourcePageId, m_source);
    setPage(IdentityPageId, m_identity);
    setPage(SummaryPageId, m_summary);
    setButtonText(QWizard::FinishButton, tr("&Register"));
    resize(760, 560);
}

void RegisterModelWizard::preselectRun(Id runId, const QString &outputPath)
{
    m_source->preselect(runId, outputPath);
}

RegisterRequest RegisterModelWizard::request() const
{
    RegisterRequest r;
    r.name = m_identity->modelName();
    r.path = m_source->requestPath();
    if (m_source->fromRun())
        r.run = m_source->run()->uid;
    r.description = m_identity->description();
    r.framework = m_identity->framework();
    r.tags = m_identity->tags();
    r.aliases = m_identity->aliases();
    r.environment = m_identity->environment();
    return r;
}

} // namespace mlwb
