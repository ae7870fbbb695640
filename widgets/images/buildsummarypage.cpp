#include "images/buildsummarypage.h"

#include "images/basepage.h"
#include "images/buildimagewizard.h"

#include <QLabel>
#include <QVBoxLayout>

namespace mlwb {

BuildSummaryPage::BuildSummaryPage(const BuildImageWizard *wizard, QWidget *parent)
    : QWizardPage(parent)
    , m_wizard(wizard)
    , m_summary(new QLabel)
{
    setObjectName(QStringLiteral("buildSummaryPage"));
    setTitle(tr("Summary"));
    setSubTitle(tr("Build runs as a task: its progress, one line per layer, is in the Tasks "
                   "panel, where it can be canceled. A canceled build leaves nothing behind."));
    m_summary->setObjectName(QStringLiteral("buildSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addStretch();
}

void BuildSummaryPage::initializePage()
{
    const ImageBuildRequest r = m_wizard->request();
    QStringList labels;
    for (auto it = r.labels.cbegin(); it != r.labels.cend(); ++it)
        labels << it.key() + QLatin1Char('=') + it.value();
    QStringList lines{
        tr("Image: %1 (the next version of this name)").arg(r.name),
        tr("Models: %1").arg(r.models.join(QStringLiteral(", "))),
        tr("Scoring script: %1").arg(r.scoringScript),
        tr("Environment: %1").arg(r.environment.isEmpty() ? tr("none") : r.environment),
        tr("Base: %1").arg(r.base),
        tr("Port: %1").arg(r.port),
        tr("Labels: %1").arg(labels.isEmpty() ? tr("none") : labels.join(QStringLiteral(", "))),
        QString(),
        m_wizard->basePage()->packageReport()};
    m_summary->setText(lines.join(QLatin1Char('\n')));
}

} // namespace mlwb
