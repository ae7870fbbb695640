#pragma once

#include <QWizardPage>

class QLabel;

namespace mlwb {

class BuildImageWizard;

/// Build Image, page 6: what will be built, in the words of the earlier
/// pages. Finish (Build) starts the build as a task.
class BuildSummaryPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit BuildSummaryPage(const BuildImageWizard *wizard, QWidget *parent = nullptr);

    QLabel *summary() const { return m_summary; }
    void initializePage() override;

private:
    const BuildImageWizard *m_wizard;
    QLabel *m_summary;
};

} // namespace mlwb
