#include "images/buildimagewizard.h"

#include "images/basepage.h"
#include "images/buildsummarypage.h"
#include "images/configurationpage.h"
#include "images/environmentchoicepage.h"
#include "images/modelspage.h"
#include "images/scriptpage.h"
#include "store/workspace.h"

namespace mlwb {

BuildImageWizard::BuildImageWizard(const Workspace &workspace, QWidget *parent)
    : QWizard(parent)
{
    setObjectName(QStringLiteral("buildImageWizard"));
    setWindowTitle(tr("Build Image"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    m_models = new ModelsPage(workspace, this);
    m_script = new ScriptPage(this);
    m_environment = new EnvironmentChoicePage(workspace, this);
    m_base = new BasePage(workspace.path(), m_environment, this);
    m_configuration = new ConfigurationPage(this);
    m_summary = new BuildSummaryPage(this, this);
    setPage(ModelsPageId, m_models);
    setPage(ScriptPageId, m_script);
    setPage(EnvironmentPageId, m_environment);
    setPage(BasePageId, m_base);
    setPage(ConfigurationPageId, m_configuration);
    setPage(SummaryPageId, m_summary);
    setButtonText(QWizard::FinishButton, tr("&Build"));
    resize(760, 560);
}

void BuildImageWizard::preselectModelVersion(Id versionId)
{
    m_models->preselect(versionId);
}

ImageBuildRequest BuildImageWizard::request() const
{
    ImageBuildRequest r;
    r.name = m_configuration->imageName();
    r.models = m_models->models();
    r.scoringScript = m_script->scriptPath();
    r.sourceDir = m_script->sourceDir();
    r.sampleInput = m_script->sampleInput();
    r.sampleOutput = m_script->sampleOutput();
    r.environment = m_environment->environment();
    r.base = m_base->reference();
    r.wheelFolder = m_base->wheelFolder();
    r.installMissingAtStart = m_base->installMissingAtStart();
    r.port = m_configuration->port();
    r.resources = m_configuration->resources();
    r.environmentVariables = m_configuration->environmentVariables();
    r.labels = m_configuration->labels();
    return r;
}

} // namespace mlwb
