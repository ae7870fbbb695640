#include "registry/summarypage.h"

#include "registry/identitypage.h"
#include "registry/modelregistry.h"
#include "registry/sourcepage.h"
#include "store/workspace.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mlwb {

namespace {

// The manifest the registry will write for `path`: the same files, named
// relative to the folder holding it, hashed a buffer at a time.
bool hashFiles(const QString &path, const std::atomic_bool &stop, Manifest *out, QString *error)
{
    const QFileInfo info(path);
    const QDir parent = info.absoluteDir();
    QStringList files;
    if (info.isFile()) {
        files << info.absoluteFilePath();
    } else {
        QDirIterator it(info.absoluteFilePath(), QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
    }
    for (const QString &file : std::as_const(files)) {
        QFile f(file);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = QObject::tr("Cannot read %1: %2")
                         .arg(QDir::toNativeSeparators(file), f.errorString());
            return false;
        }
        QByteArray buffer(1 << 20, Qt::Uninitialized);
        qint64 n = 0;
        while (!stop && (n = f.read(buffer.data(), buffer.size())) > 0)
            hash.addData(QByteArrayView(buffer.constData(), n));
        if (stop)
            return false;
        out->entries << ManifestEntry{parent.relativeFilePath(file),
                                      QString::fromLatin1(hash.result().toHex()), f.size()};
    }
    out->sort();
    return true;
}

} // namespace

SummaryPage::SummaryPage(const Workspace &workspace, const SourcePage *source,
                         const IdentityPage *identity, QWidget *parent)
    : QWizardPage(parent)
    , m_workspace(workspace)
    , m_source(source)
    , m_identity(identity)
    , m_what(new QLabel)
    , m_lineage(new QLabel)
    , m_files(new QTreeWidget)
    , m_total(new QLabel)
    , m_message(new QLabel)
{
    setObjectName(QStringLiteral("summaryPage"));
    setTitle(tr("Summary"));
    setSubTitle(tr("Finish copies these files into the workspace and registers the version."));
    m_what->setObjectName(QStringLiteral("summaryWhat"));
    m_what->setWordWrap(true);
    m_lineage->setObjectName(QStringLiteral("summaryLineage"));
    m_lineage->setWordWrap(true);
    m_lineage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_files->setObjectName(QStringLiteral("summaryFiles"));
    m_files->setRootIsDecorated(false);
    m_files->setHeaderLabels({tr("File"), tr("Size"), tr("SHA-256")});
    m_files->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_total->setObjectName(QStringLiteral("summaryTotal"));
    m_total->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_total->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("summaryMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_what);
    layout->addWidget(m_lineage);
    layout->addWidget(m_files, 1);
    layout->addWidget(m_total);
    layout->addWidget(m_message);
}

SummaryPage::~SummaryPage()
{
    stopHashing();
}

void SummaryPage::initializePage()
{
    const QString name = m_identity->modelName();
    const QString environment = m_identity->environment();
    m_what->setText(tr("<b>%1</b> version <b>%2</b> · %3 · environment: %4")
                        .arg(name.toHtmlEscaped())
                        .arg(m_identity->versionNumber())
                        .arg(m_identity->framework().toHtmlEscaped(),
                             environment.isEmpty() ? tr("none") : environment.toHtmlEscaped()));
    QStringList about;
    if (!m_identity->description().isEmpty())
        about << m_identity->description().toHtmlEscaped();
    const QMap<QString, QString> tags = m_identity->tags();
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        about << tr("tag %1=%2").arg(it.key().toHtmlEscaped(), it.value().toHtmlEscaped());
    if (!m_identity->aliases().isEmpty())
        about << tr("aliases: %1")
                     .arg(m_identity->aliases().join(QLatin1String(", ")).toHtmlEscaped());
    if (!about.isEmpty())
        m_what->setText(m_what->text() + QStringLiteral("<br>")
                        + about.join(QStringLiteral(" · ")));
    m_lineage->setText(lineageText());
    m_message->clear();
    hashInBackground(m_source->localPath());
}

void SummaryPage::cleanupPage()
{
    stopHashing();
}

QString SummaryPage::lineageText() const
{
    if (!m_source->fromRun())
        return tr("Lineage: uploaded from %1")
            .arg(QDir::toNativeSeparators(m_source->requestPath()));
    const Run run = *m_source->run();
    ModelVersion v;
    v.runId = run.id;
    v.source = m_source->requestPath();
    QString error;
    const Lineage lineage = ModelRegistry(m_workspace).lineage(v, &error);
    const QString snapshot = lineage.snapshotSha256.isEmpty()
                                 ? tr("no snapshot")
                                 : tr("snapshot %1").arg(lineage.snapshotSha256.left(12));
    return tr("Lineage: run %1 of experiment %2 (%3), %4, with its metrics")
        .arg(run.uid, run.experimentName, v.source, snapshot);
}

void SummaryPage::stopHashing()
{
    if (m_stop)
        *m_stop = true;
    m_stop.reset();
}

void SummaryPage::hashInBackground(const QString &path)
{
    stopHashing();
    m_digest.clear();
    m_files->clear();
    m_total->setText(tr("Computing SHA-256 digests…"));
    auto stop = std::make_shared<std::atomic_bool>(false);
    m_stop = stop;
    QPointer<SummaryPage> page(this);
    QThread *thread = QThread::create([page, path, stop] {
        Manifest manifest;
        QString error;
        const bool ok = hashFiles(path, *stop, &manifest, &error);
        if (*stop)
            return;
        QMetaObject::invokeMethod(qApp, [page, manifest, error, ok, stop] {
            if (page && !*stop)
                page->showManifest(ok ? manifest : Manifest(), error);
        });
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void SummaryPage::showManifest(const Manifest &manifest, const QString &error)
{
    if (!error.isEmpty()) {
        m_total->clear();
        m_message->setText(error);
        return;
    }
    const QLocale locale;
    for (const ManifestEntry &e : manifest.entries) {
        auto *item =
            new QTreeWidgetItem(m_files, {e.path, locale.formattedDataSize(e.size), e.sha256});
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    }
    m_digest = manifest.digest();
    m_total->setText(tr("%n file(s), %1 in all. Version digest (SHA-256 of the manifest): %2",
                        nullptr, int(manifest.entries.size()))
                         .arg(locale.formattedDataSize(manifest.totalSize()), m_digest));
    Q_EMIT hashed();
}

// Finish: the files must still be there.
bool SummaryPage::validatePage()
{
    const QString path = m_source->localPath();
    if (QFileInfo::exists(path))
        return true;
    m_message->setText(tr("%1 does not exist any more.").arg(QDir::toNativeSeparators(path)));
    return false;
}

} // namespace mlwb
