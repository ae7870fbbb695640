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
    const auto pairs = [this](const QMap<QString, QString> &map) {
        QStringList out;
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            out << it.key() + QLatin1Char('=') + it.value();
        return out.isEmpty() ? tr("none") : out.join(QStringLiteral(", "));
    };
    const auto orNone = [this](const QString &text) { return text.isEmpty() ? tr("none") : text; };
    QStringList lines{
        tr("Image: %1 (the next version of this name)").arg(r.name),
        tr("Models: %1").arg(r.models.join(QStringLiteral(", "))),
        tr("Scoring script: %1").arg(r.scoringScript),
        tr("Other sources: %1").arg(orNone(r.sourceDir)),
        tr("Sample request and answer: %1, %2").arg(orNone(r.sampleInput), orNone(r.sampleOutput)),
        tr("Environment: %1").arg(orNone(r.environment)),
        tr("Base: %1").arg(r.base),
        tr("Wheel folder: %1").arg(orNone(r.wheelFolder)),
        tr("Install what is missing at first start: %1")
            .arg(r.installMissingAtStart ? tr("yes") : tr("no")),
        tr("Port: %1").arg(r.port),
        tr("CPU: %1, memory: %2")
            .arg(r.resources.cpu > 0 ? QString::number(r.resources.cpu) : tr("no limit"),
                 r.resources.memoryBytes > 0 ? oci::memoryText(r.resources.memoryBytes)
                                             : tr("no limit")),
        tr("Environment variables: %1").arg(pairs(r.environmentVariables)),
        tr("Labels: %1").arg(pairs(r.labels)),
        QString(),
        m_wizard->basePage()->packageReport()};
    m_summary->setText(lines.join(QLatin1Char('\n')));
}

} // namespace mlwb
