#include "images/environmentchoicepage.h"

#include "store/environments.h"
#include "store/workspace.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>

namespace mlwb {

EnvironmentChoicePage::EnvironmentChoicePage(const Workspace &workspace, QWidget *parent)
    : QWizardPage(parent)
    , m_choice(new QComboBox)
    , m_packages(new QLabel)
{
    setObjectName(QStringLiteral("environmentChoicePage"));
    setTitle(tr("Environment"));
    setSubTitle(tr("The environment version whose Python packages the scoring script needs, "
                   "or none when the base image has all it needs."));
    m_choice->setObjectName(QStringLiteral("environmentChoice"));
    m_packages->setObjectName(QStringLiteral("environmentPackages"));
    m_packages->setWordWrap(true);
    m_packages->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_choice->addItem(tr("None"));
    QString error;
    const Environments environments(workspace);
    for (const Environment &e : environments.list(&error))
        for (const EnvironmentVersion &v : environments.versions(e.id, &error))
            m_choice->addItem(QStringLiteral("%1:%2").arg(e.name).arg(v.version), v.packages);
    auto *layout = new QFormLayout(this);
    layout->addRow(tr("&Environment:"), m_choice);
    layout->addRow(tr("Packages:"), m_packages);
    if (!error.isEmpty())
        layout->addRow(new QLabel(error));
    connect(m_choice, &QComboBox::currentIndexChanged, this, &EnvironmentChoicePage::showPackages);
    showPackages();
}

QString EnvironmentChoicePage::environment() const
{
    return m_choice->currentIndex() > 0 ? m_choice->currentText() : QString();
}

QStringList EnvironmentChoicePage::packages() const
{
    return m_choice->currentData().toStringList();
}

void EnvironmentChoicePage::showPackages()
{
    const QStringList list = packages();
    if (m_choice->currentIndex() == 0)
        m_packages->setText(tr("No environment: the image runs the scoring script with the "
                               "base image's Python as it is."));
    else if (list.isEmpty())
        m_packages->setText(tr("This version lists no packages."));
    else
        m_packages->setText(tr("%1\n\nWhich of these the base image already has is shown once "
                               "the base is read, on the next page.")
                                .arg(list.join(QLatin1Char('\n'))));
}

} // namespace mlwb
