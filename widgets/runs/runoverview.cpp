#include "runs/runoverview.h"

#include "runs/durationtext.h"
#include "runs/runreason.h"
#include "runs/runsummary.h"
#include "runs/supervisornote.h"

#include "items/rundiagnosticsmodel.h"
#include "items/runtagsmodel.h"
#include "store/runs.h"
#include "store/workspace.h"

#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTableView>
#include <QVBoxLayout>

namespace mlwb {

namespace {
constexpr int notesIdleMs = 1000;
constexpr int childLinks = 20;

QString formatTime(const QDateTime &time)
{
    if (!time.isValid())
        return RunOverview::tr("—");
    return QLocale().toString(time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString shellQuoted(const QString &word)
{
    static const QString safe = QStringLiteral("-_=.,/:+@%");
    bool plain = !word.isEmpty();
    for (const QChar c : word)
        plain = plain && (c.isLetterOrNumber() || safe.contains(c));
    if (plain)
        return word;
    return QLatin1Char('\'') + QString(word).replace(QLatin1String("'"), QLatin1String("'\\''"))
           + QLatin1Char('\'');
}

QString runLink(const Run &run)
{
    const QString name = run.displayName.isEmpty() ? run.uid : run.displayName;
    return QStringLiteral("<a href=\"run:%1\">%2</a>").arg(run.id).arg(name.toHtmlEscaped());
}

QTableView *newTable(QWidget *parent, const char *objectName)
{
    auto *view = new QTableView(parent);
    view->setObjectName(QLatin1String(objectName));
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    return view;
}
} // namespace

RunOverview::RunOverview(Workspace *workspace, Id runId, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_runId(runId)
    , m_tags(new RunTagsModel(workspace, runId, this))
    , m_diagnostics(new RunDiagnosticsModel(workspace, runId, this))
{
    auto *content = new QWidget;
    auto *page = new QVBoxLayout(content);
    m_summary = new RunSummary(*workspace, content);
    page->addWidget(m_summary);
    auto *columns = new QHBoxLayout;
    page->addLayout(columns, 1);
    auto *left = new QVBoxLayout;
    left->addWidget(createDetails());
    // Shown only when there are problems: an empty box is noise.
    m_diagnosticsBox = createDiagnostics();
    m_diagnosticsBox->hide();
    left->addWidget(m_diagnosticsBox, 1);
    left->addStretch(0);
    auto *right = new QVBoxLayout;
    right->addWidget(createTags(), 1);
    right->addWidget(createNotes(), 1);
    columns->addLayout(left, 3);
    columns->addLayout(right, 2);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    m_notesTimer.setSingleShot(true);
    m_notesTimer.setInterval(notesIdleMs);
    connect(&m_notesTimer, &QTimer::timeout, this, &RunOverview::saveNotes);
    connect(m_tags, &RunTagsModel::errorOccurred, this,
            [this](const QString &message) { QMessageBox::warning(this, tr("Tags"), message); });
}

RunOverview::~RunOverview()
{
    saveNotes(); // closing the tab within the idle second must not lose the last words
}

QLabel *RunOverview::addField(QFormLayout *form, const QString &label, const char *objectName)
{
    auto *value = new QLabel(form->parentWidget());
    value->setObjectName(QLatin1String(objectName));
    value->setTextFormat(Qt::PlainText);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    value->setWordWrap(true);
    form->addRow(label, value);
    return value;
}

QGroupBox *RunOverview::createDetails()
{
    auto *box = new QGroupBox(tr("Details"), this);
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft);
    m_uid = addField(form, tr("Run ID:"), "runIdValue");
    m_experiment = addField(form, tr("Experiment:"), "experimentValue");
    m_displayName = addField(form, tr("Display name:"), "displayNameValue");
    m_target = addField(form, tr("Compute target:"), "targetValue");
    m_command = addField(form, tr("Command:"), "commandValue");
    m_command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_created = addField(form, tr("Created:"), "createdValue");
    m_started = addField(form, tr("Started:"), "startedValue");
    m_ended = addField(form, tr("Ended:"), "endedValue");
    m_duration = addField(form, tr("Duration:"), "durationValue");
    m_exitCode = addField(form, tr("Exit code:"), "exitCodeValue");
    m_error = addField(form, tr("Error:"), "errorValue");
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_supervisorNote = addField(form, tr("Supervisor:"), "supervisorNoteValue");
    m_supervisorNote->setStyleSheet(QStringLiteral("color: #ef6c00;"));
    m_parent = addField(form, tr("Parent run:"), "parentValue");
    m_children = addField(form, tr("Child runs:"), "childrenValue");
    for (QLabel *link : {m_parent, m_children}) {
        link->setTextFormat(Qt::RichText);
        link->setTextInteractionFlags(Qt::TextBrowserInteraction);
        connect(link, &QLabel::linkActivated, this, [this](const QString &href) {
            if (href.startsWith(QLatin1String("run:")))
                Q_EMIT openRun(href.mid(4).toLongLong());
        });
    }
    return box;
}

QGroupBox *RunOverview::createTags()
{
    auto *box = new QGroupBox(tr("Tags"), this);
    m_tagsView = newTable(box, "tagsView");
    m_tagsView->setModel(m_tags);
    m_tagsView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                | QAbstractItemView::AnyKeyPressed);
    // Keys are short words: a fixed, generous width reads better than elided text.
    m_tagsView->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_tagsView->setColumnWidth(0, 140);
    auto *add = new QPushButton(tr("Add"), box);
    add->setObjectName(QStringLiteral("addTag"));
    auto *remove = new QPushButton(tr("Remove"), box);
    remove->setObjectName(QStringLiteral("removeTag"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_tagsView, 1);
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, &RunOverview::addTag);
    connect(remove, &QPushButton::clicked, this, &RunOverview::removeSelectedTags);
    return box;
}

QGroupBox *RunOverview::createNotes()
{
    auto *box = new QGroupBox(tr("Notes"), this);
    m_notes = new QPlainTextEdit(box);
    m_notes->setObjectName(QStringLiteral("notesEdit"));
    m_notes->setPlaceholderText(tr("What was this run for? What did you learn?"));
    m_notes->installEventFilter(this);
    m_notesError = new QLabel(box);
    m_notesError->setObjectName(QStringLiteral("notesError"));
    m_notesError->setWordWrap(true);
    m_notesError->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_notesError->hide();
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_notes, 1);
    layout->addWidget(m_notesError);
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loadingNotes)
            m_notesTimer.start();
    });
    return box;
}

QGroupBox *RunOverview::createDiagnostics()
{
    auto *box = new QGroupBox(tr("Diagnostics"), this);
    m_badge = new QLabel(box);
    m_badge->setObjectName(QStringLiteral("diagnosticsBadge"));
    m_badge->setStyleSheet(QStringLiteral("QLabel { background: #f57c00; color: white; "
                                          "border-radius: 8px; padding: 1px 7px; "
                                          "font-weight: bold; }"));
    m_badge->hide();
    m_noDiagnostics = new QLabel(tr("No problems reading this run's files."), box);
    m_noDiagnostics->setObjectName(QStringLiteral("diagnosticsSummary"));
    m_diagnosticsView = newTable(box, "diagnosticsView");
    m_diagnosticsView->setModel(m_diagnostics);
    m_diagnosticsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_diagnosticsView->setWordWrap(false);
    m_diagnosticsView->horizontalHeader()->setSectionResizeMode(RunDiagnosticsModel::TimeColumn,
                                                                QHeaderView::ResizeToContents);
    m_diagnosticsView->setMinimumHeight(120);
    m_diagnosticsView->hide();
    auto *summary = new QHBoxLayout;
    summary->addWidget(m_badge);
    summary->addWidget(m_noDiagnostics, 1);
    auto *layout = new QVBoxLayout(box);
    layout->addLayout(summary);
    layout->addWidget(m_diagnosticsView, 1);
    return box;
}

bool RunOverview::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_notes && event->type() == QEvent::FocusOut)
        saveNotes();
    return QWidget::eventFilter(watched, event);
}

bool RunOverview::setRun(const Run &run, QString *error)
{
    m_run = run;
    m_summary->setParameters(run.arguments);
    m_uid->setText(run.uid);
    m_experiment->setText(run.experimentName);
    m_displayName->setText(run.displayName.isEmpty() ? tr("—") : run.displayName);
    m_target->setText(run.targetName.isEmpty() ? tr("—") : run.targetName);
    QStringList words{shellQuoted(run.script)};
    for (const QString &argument : run.arguments)
        words << shellQuoted(argument);
    m_command->setText(words.join(QLatin1Char(' ')));
    m_created->setText(formatTime(run.createdAt));
    m_started->setText(formatTime(run.startedAt));
    m_ended->setText(formatTime(run.endedAt));
    updateDuration();
    m_exitCode->setText(run.exitCode >= 0 ? QString::number(run.exitCode) : tr("—"));
    m_error->setText(RunReason::text(run.error));
    auto *form = static_cast<QFormLayout *>(m_error->parentWidget()->layout());
    form->setRowVisible(m_error, !run.error.isEmpty());
    updateSupervisorNote();
    showNotes(run.notes);
    QString message;
    showRelations(run, &message);
    if (!message.isEmpty() && error)
        *error = tr("The run's parent and child runs could not be read: %1").arg(message);
    return message.isEmpty();
}

void RunOverview::showRelations(const Run &run, QString *error)
{
    auto *form = static_cast<QFormLayout *>(m_parent->parentWidget()->layout());
    Runs runs(*m_workspace);
    const auto parent = run.parentId > 0 ? runs.find(run.parentId, error) : std::nullopt;
    m_parent->setText(parent ? runLink(*parent) : QString());
    form->setRowVisible(m_parent, parent.has_value());
    const QList<Run> children = runs.list(run.experimentId, run.id, 0, childLinks, error);
    const int total = children.isEmpty() ? 0 : runs.count(run.experimentId, run.id, error);
    QStringList links;
    for (const Run &child : children)
        links << runLink(child);
    QString text = links.join(QStringLiteral(", "));
    if (total > children.size())
        text += tr(" and %1 more").arg(total - children.size());
    m_children->setText(text);
    form->setRowVisible(m_children, !children.isEmpty());
}

void RunOverview::updateDuration()
{
    if (!m_run.startedAt.isValid()) {
        m_duration->setText(tr("—"));
        return;
    }
    const QString duration = durationText(m_run.durationMs());
    m_duration->setText(isFinal(m_run.status) ? duration : tr("%1 (running)").arg(duration));
}

// What the supervisor waits on (a full disk, say): it cannot be stored in the
// database then, so it is read from the run folder on every tick.
void RunOverview::updateSupervisorNote()
{
    const QString note = SupervisorNote::of(*m_workspace, m_run);
    m_supervisorNote->setText(note);
    auto *form = static_cast<QFormLayout *>(m_supervisorNote->parentWidget()->layout());
    form->setRowVisible(m_supervisorNote, !note.isEmpty());
}

// The store's notes replace the shown ones only while the user is not writing.
void RunOverview::showNotes(const QString &notes)
{
    if (notes == m_savedNotes || m_notes->hasFocus() || m_notesTimer.isActive())
        return;
    m_loadingNotes = true;
    m_notes->setPlainText(notes);
    m_loadingNotes = false;
    m_savedNotes = notes;
}

bool RunOverview::saveNotes()
{
    m_notesTimer.stop();
    const QString notes = m_notes->toPlainText();
    if (notes == m_savedNotes)
        return true;
    QString error;
    if (!Runs(*m_workspace).setNotes(m_runId, notes, &error)) {
        m_notesError->setText(tr("The notes could not be saved: %1").arg(error));
        m_notesError->show();
        return false;
    }
    m_savedNotes = notes;
    m_notesError->hide();
    return true;
}

bool RunOverview::refreshTags(QString *error)
{
    return m_tags->refresh(error);
}

bool RunOverview::refreshDiagnostics(QString *error)
{
    const int before = m_diagnostics->rowCount();
    if (!m_diagnostics->refresh(error))
        return false;
    const int count = m_diagnostics->rowCount();
    m_badge->setText(QLocale().toString(count));
    m_badge->setVisible(count > 0);
    m_diagnosticsView->setVisible(count > 0);
    m_diagnosticsBox->setVisible(count > 0);
    m_noDiagnostics->setText(
        count == 0   ? tr("No problems reading this run's files.")
        : count == 1 ? tr("1 problem reading this run's files:")
                     : tr("%1 problems reading this run's files:").arg(QLocale().toString(count)));
    if (count != before)
        Q_EMIT diagnosticCountChanged(count);
    return true;
}

void RunOverview::refreshMetrics()
{
    m_summary->refreshMetrics(m_runId);
}

int RunOverview::diagnosticCount() const
{
    return m_diagnostics->rowCount();
}

void RunOverview::addTag()
{
    QString error;
    const int row = m_tags->addTag(&error);
    if (row < 0) {
        QMessageBox::warning(this, tr("Tags"), tr("The tag could not be added: %1").arg(error));
        return;
    }
    const QModelIndex key = m_tags->index(row, RunTagsModel::KeyColumn);
    m_tagsView->setCurrentIndex(key);
    m_tagsView->edit(key);
}

void RunOverview::removeSelectedTags()
{
    QList<int> rows;
    const QModelIndexList selected = m_tagsView->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows << index.row();
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    for (int row : std::as_const(rows)) {
        QString error;
        if (!m_tags->removeTag(row, &error)) {
            QMessageBox::warning(this, tr("Tags"),
                                 tr("The tag could not be removed: %1").arg(error));
            return;
        }
    }
}

} // namespace mlwb
