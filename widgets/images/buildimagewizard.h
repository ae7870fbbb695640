#pragma once

#include "oci/imagebuilder.h"
#include "store/types.h"

#include <QWizard>

namespace mlwb {

class BasePage;
class BuildSummaryPage;
class ConfigurationPage;
class EnvironmentChoicePage;
class ModelsPage;
class ScriptPage;
class Workspace;

/// Build Image: models, scoring script, environment, base image,
/// configuration and a summary. It only collects: request() is what the
/// image builder is asked, as `mlwb image build` asks it.
class BuildImageWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId {
        ModelsPageId,
        ScriptPageId,
        EnvironmentPageId,
        BasePageId,
        ConfigurationPageId,
        SummaryPageId
    };

    explicit BuildImageWizard(const Workspace &workspace, QWidget *parent = nullptr);

    /// Ticks a model version on the first page.
    void preselectModelVersion(Id versionId);
    ImageBuildRequest request() const;

    ModelsPage *modelsPage() const { return m_models; }
    ScriptPage *scriptPage() const { return m_script; }
    EnvironmentChoicePage *environmentPage() const { return m_environment; }
    BasePage *basePage() const { return m_base; }
    ConfigurationPage *configurationPage() const { return m_configuration; }
    BuildSummaryPage *summaryPage() const { return m_summary; }

private:
    ModelsPage *m_models;
    ScriptPage *m_script;
    EnvironmentChoicePage *m_environment;
    BasePage *m_base;
    ConfigurationPage *m_configuration;
    BuildSummaryPage *m_summary;
};

} // namespace mlwb
