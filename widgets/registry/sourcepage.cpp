#include "registry/sourcepage.h"

#include "runs/runfolder.h"
#include "runs/runstatustext.h"
#include "store/runs.h"
#include "store/workspace.h"

#include <QButtonGroup>
#include <QDir>
#include <QDirIterator>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mlwb {

namespace {
constexpr int runIdRole = Qt::UserRole;
constexpr int relPathRole = Qt::UserRole; // "outputs/REL" of an outputs item
constexpr int recentRuns = 1000;
} // namespace

SourcePage::SourcePage(const Workspace &workspace, QWidget *parent)
    : QWizardPage(parent)
    , m_workspace(workspace)
    , m_fromRun(new QRadioButton(tr("From a run's &outputs")))
    , m_fromDisk(new QRadioButton(tr("From files on &disk")))
    , m_message(new QLabel)
{
    setObjectName(QStringLiteral("sourcePage"));
    setTitle(tr("Source"));
    setSubTitle(tr("Pick the file or folder that holds the model."));
    m_fromRun->setObjectName(QStringLiteral("fromRun"));
    m_fromDisk->setObjectName(QStringLiteral("fromDisk"));
    auto *choice = new QButtonGroup(this);
    choice->addButton(m_fromRun);
    choice->addButton(m_fromDisk);
    m_fromRun->setChecked(true);
    m_runPart = createRunPart();
    m_diskPart = createDiskPart();
    m_message->setObjectName(QStringLiteral("sourceMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_fromRun);
    layout->addWidget(m_runPart, 1);
    layout->addWidget(m_fromDisk);
    layout->addWidget(m_diskPart);
    layout->addWidget(m_message);
    connect(m_fromRun, &QRadioButton::toggled, this, &SourcePage::updateState);
    loadRuns(0);
    updateState();
}

QWidget *SourcePage::createRunPart()
{
    auto *part = new QWidget;
    m_runFilter = new QLineEdit;
    m_runFilter->setObjectName(QStringLiteral("runFilter"));
    m_runFilter->setPlaceholderText(tr("Search runs by name, run id or experiment"));
    m_runFilter->setClearButtonEnabled(true);
    m_runs = new QListWidget;
    m_runs->setObjectName(QStringLiteral("runList"));
    m_outputs = new QTreeWidget;
    m_outputs->setObjectName(QStringLiteral("runOutputs"));
    m_outputs->setHeaderLabels({tr("Output"), tr("Size")});
    m_outputs->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_outputs->header()->setStretchLastSection(false);
    auto *lists = new QHBoxLayout;
    lists->addWidget(m_runs, 1);
    lists->addWidget(m_outputs, 1);
    auto *layout = new QVBoxLayout(part);
    layout->setContentsMargins(20, 0, 0, 0);
    layout->addWidget(m_runFilter);
    layout->addLayout(lists, 1);
    connect(m_runFilter, &QLineEdit::textChanged, this, &SourcePage::filterRuns);
    connect(m_runs, &QListWidget::currentItemChanged, this, &SourcePage::showRun);
    connect(m_outputs, &QTreeWidget::currentItemChanged, this, &SourcePage::updateState);
    return part;
}

QWidget *SourcePage::createDiskPart()
{
    auto *part = new QWidget;
    m_diskPath = new QLineEdit;
    m_diskPath->setObjectName(QStringLiteral("diskPath"));
    m_diskPath->setPlaceholderText(tr("A model file or a folder of files"));
    auto *file = new QPushButton(tr("&File…"));
    file->setObjectName(QStringLiteral("browseFile"));
    auto *folder = new QPushButton(tr("F&older…"));
    folder->setObjectName(QStringLiteral("browseFolder"));
    auto *layout = new QHBoxLayout(part);
    layout->setContentsMargins(20, 0, 0, 0);
    layout->addWidget(m_diskPath, 1);
    layout->addWidget(file);
    layout->addWidget(folder);
    connect(m_diskPath, &QLineEdit::textChanged, this, &SourcePage::updateState);
    connect(file, &QPushButton::clicked, this, [this] { browse(false); });
    connect(folder, &QPushButton::clicked, this, [this] { browse(true); });
    return part;
}

void SourcePage::loadRuns(Id include)
{
    QString error;
    QList<Run> runs = Runs(m_workspace).recent(recentRuns, &error);
    if (!error.isEmpty())
        m_message->setText(tr("The runs could not be read: %1").arg(error));
    // A child run started from its context menu is not among the top-level ones.
    const bool listed =
        std::any_of(runs.begin(), runs.end(), [include](const Run &r) { return r.id == include; });
    if (include != 0 && !listed) {
        if (const auto run = Runs(m_workspace).find(include, &error))
            runs.prepend(*run);
    }
    m_runs->clear();
    for (const Run &run : std::as_const(runs)) {
        const QString name = run.displayName.isEmpty() ? run.uid : run.displayName;
        auto *item = new QListWidgetItem(
            tr("%1 · %2 · %3").arg(name, run.experimentName, statusText(run.status)), m_runs);
        item->setData(runIdRole, run.id);
        item->setToolTip(run.uid);
        // What the search matches: everything the user may remember of it.
        item->setData(Qt::UserRole + 1,
                      QStringList{name, run.uid, run.experimentName}.join(QLatin1Char(' ')));
    }
}

void SourcePage::filterRuns()
{
    const QString text = m_runFilter->text().trimmed();
    for (int i = 0; i < m_runs->count(); ++i) {
        QListWidgetItem *item = m_runs->item(i);
        item->setHidden(
            !text.isEmpty()
            && !item->data(Qt::UserRole + 1).toString().contains(text, Qt::CaseInsensitive));
    }
}

void SourcePage::preselect(Id runId, const QString &outputPath)
{
    loadRuns(runId);
    m_fromRun->setChecked(true);
    for (int i = 0; i < m_runs->count(); ++i) {
        if (m_runs->item(i)->data(runIdRole).toLongLong() == runId) {
            m_runs->setCurrentRow(i);
            m_runs->scrollToItem(m_runs->item(i));
            break;
        }
    }
    const QString wanted = outputPath.isEmpty() ? QStringLiteral("outputs") : outputPath;
    QTreeWidgetItemIterator it(m_outputs);
    for (; *it; ++it) {
        if ((*it)->data(0, relPathRole).toString() == QDir::cleanPath(wanted)) {
            m_outputs->setCurrentItem(*it);
            break;
        }
    }
}

void SourcePage::showRun()
{
    m_run.reset();
    m_outputs->clear();
    if (QListWidgetItem *item = m_runs->currentItem()) {
        QString error;
        m_run = Runs(m_workspace).find(item->data(runIdRole).toLongLong(), &error);
        if (!m_run)
            m_message->setText(error);
    }
    fillOutputs(outputsFolder());
    updateState();
}

// The folder itself first, so a whole outputs folder can be registered too.
void SourcePage::fillOutputs(const QString &folder)
{
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        return;
    auto *root = new QTreeWidgetItem(m_outputs, {QStringLiteral("outputs")});
    root->setData(0, relPathRole, QStringLiteral("outputs"));
    QHash<QString, QTreeWidgetItem *> folders{{QString(), root}};
    const QDir base(folder);
    QDirIterator it(folder, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    QStringList paths;
    while (it.hasNext())
        paths << base.relativeFilePath(it.next());
    paths.sort(); // a parent folder before what is in it
    for (const QString &rel : std::as_const(paths)) {
        const QFileInfo info(base.filePath(rel));
        const int slash = rel.lastIndexOf(QLatin1Char('/'));
        QTreeWidgetItem *parent = folders.value(slash < 0 ? QString() : rel.left(slash), root);
        auto *item = new QTreeWidgetItem(parent, {info.fileName()});
        item->setData(0, relPathRole, QString(QStringLiteral("outputs/") + rel));
        if (info.isDir())
            folders.insert(rel, item);
        else
            item->setText(1, QLocale().formattedDataSize(info.size()));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    }
    m_outputs->expandToDepth(0);
}

QString SourcePage::outputsFolder() const
{
    if (!m_run)
        return {};
    const RunFolder folder(m_workspace.folder(Workspace::Folder::Runs), m_run->uid);
    // A running script writes in code/outputs; they are collected when it ends.
    if (QFileInfo(folder.outputs()).isDir() || isFinal(m_run->status))
        return folder.outputs();
    return QDir(folder.code()).filePath(QStringLiteral("outputs"));
}

void SourcePage::browse(bool folder)
{
    const QString start = m_diskPath->text().isEmpty() ? QDir::homePath() : m_diskPath->text();
    const QString path = folder ? QFileDialog::getExistingDirectory(this, tr("Model Folder"), start)
                                : QFileDialog::getOpenFileName(this, tr("Model File"), start);
    if (!path.isEmpty()) {
        m_diskPath->setText(QDir::toNativeSeparators(path));
        m_fromDisk->setChecked(true);
    }
}

bool SourcePage::fromRun() const
{
    return m_fromRun->isChecked();
}

QString SourcePage::requestPath() const
{
    if (!fromRun())
        return QFileInfo(QDir::fromNativeSeparators(m_diskPath->text().trimmed()))
            .absoluteFilePath();
    const QTreeWidgetItem *item = m_outputs->currentItem();
    return item ? item->data(0, relPathRole).toString() : QString();
}

QString SourcePage::localPath() const
{
    if (!fromRun())
        return requestPath();
    const QString rel = requestPath();
    if (rel.isEmpty())
        return {};
    return QDir(QFileInfo(outputsFolder()).absolutePath()).filePath(rel);
}

void SourcePage::updateState()
{
    m_runPart->setEnabled(fromRun());
    m_diskPart->setEnabled(!fromRun());
    m_message->clear();
    Q_EMIT completeChanged();
}

bool SourcePage::isComplete() const
{
    if (fromRun())
        return m_run && m_outputs->currentItem();
    return !m_diskPath->text().trimmed().isEmpty();
}

// Checked when Next is pressed: a file can vanish while the page is open.
bool SourcePage::validatePage()
{
    const QString path = localPath();
    const QFileInfo info(path);
    QString reason;
    if (fromRun() && !m_run)
        reason = tr("Pick a run.");
    else if (!info.exists())
        reason = tr("%1 does not exist (any more).").arg(QDir::toNativeSeparators(path));
    else if (info.isDir()
             && QDir(path).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        reason = tr("The folder %1 holds no files.").arg(QDir::toNativeSeparators(path));
    else if (!info.isReadable())
        reason = tr("%1 cannot be read.").arg(QDir::toNativeSeparators(path));
    m_message->setText(reason);
    return reason.isEmpty();
}

} // namespace mlwb
