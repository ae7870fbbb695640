#include "registry/environmentpage.h"

#include "editor/scripteditor.h"
#include "store/environments.h"
#include "store/workspace.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace mlwb {

EnvironmentPage::EnvironmentPage(Workspace *workspace, Id environmentId, Id versionId,
                                 QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_environmentId(environmentId)
    , m_versionId(versionId)
    , m_title(new QLabel)
    , m_facts(new QLabel)
    , m_spec(new ScriptEditor)
{
    setObjectName(QStringLiteral("environmentPage"));
    m_title->setObjectName(QStringLiteral("environmentTitle"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_title->setFont(big);
    m_facts->setObjectName(QStringLiteral("environmentFacts"));
    m_facts->setWordWrap(true);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_spec->setObjectName(QStringLiteral("environmentSpec"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_facts);
    layout->addWidget(m_spec, 1);
    refresh();
}

QString EnvironmentPage::title() const
{
    return m_version ? QStringLiteral("%1:%2").arg(m_name).arg(m_version->version)
                     : tr("Environment");
}

void EnvironmentPage::refresh()
{
    const Environments environments(*m_workspace);
    QString error;
    m_version.reset();
    for (const Environment &e : environments.list(&error))
        if (e.id == m_environmentId)
            m_name = e.name;
    for (const EnvironmentVersion &v : environments.versions(m_environmentId, &error))
        if (v.id == m_versionId)
            m_version = v;
    if (!m_version) {
        m_lastError = error.isEmpty() ? tr("This environment version no longer exists.") : error;
        m_title->setText(tr("Environment"));
        m_facts->setText(m_lastError);
        return;
    }
    m_lastError.clear();
    const EnvironmentVersion &v = *m_version;
    m_title->setText(tr("%1 · version %2").arg(m_name).arg(v.version));
    QStringList facts{tr("Python: %1").arg(v.python)};
    if (!v.baseImage.isEmpty())
        facts << tr("base image: %1").arg(v.baseImage);
    if (!v.aliases.isEmpty())
        facts << tr("aliases: %1").arg(v.aliases.join(QLatin1String(", ")));
    facts << tr("created by %1 on %2")
                 .arg(v.createdBy,
                      QLocale().toString(v.createdAt.toLocalTime(), QLocale::ShortFormat));
    m_facts->setText(facts.join(QStringLiteral(" · ")));
    // The file name picks the highlighting. A version made from packages
    // alone is shown as the requirements it amounts to.
    if (v.specKind == QLatin1String("conda"))
        m_spec->showReadOnly(QStringLiteral("environment.yml"), v.spec.toUtf8());
    else if (!v.spec.isEmpty())
        m_spec->showReadOnly(QStringLiteral("requirements.txt"), v.spec.toUtf8());
    else
        m_spec->showReadOnly(QStringLiteral("requirements.txt"),
                             v.packages.join(QLatin1Char('\n')).toUtf8() + '\n');
}

} // namespace mlwb
