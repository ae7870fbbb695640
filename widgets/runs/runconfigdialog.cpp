#include "runs/runconfigdialog.h"

#include "items/taxonomyloader.h"
#include "remote/sshconnection.h"
#include "store/computetargets.h"
#include "store/experiments.h"
#include "store/workspace.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSpinBox>
#include <QTableWidget>
#include <QThreadPool>
#include <QVBoxLayout>

namespace mlwb {

namespace {

constexpr int UnknownTargetRole = Qt::UserRole + 1;
constexpr int LabelRole = Qt::UserRole + 2;        // "gpu-vm (ssh: ml@host)"
constexpr int RunsRole = Qt::UserRole + 3;         // "1 running, 2 queued"
constexpr int ReachabilityRole = Qt::UserRole + 4; // "checking…", "reachable", …

QTableWidget *newTable(const QString &name, const QString &keyHeader, QWidget *parent)
{
    auto *table = new QTableWidget(0, 2, parent);
    table->setObjectName(name);
    table->setHorizontalHeaderLabels({keyHeader, RunConfigDialog::tr("Value")});
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table->verticalHeader()->hide();
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setMinimumHeight(110);
    return table;
}

void setMap(QTableWidget *table, const QMap<QString, QString> &map)
{
    table->setRowCount(0);
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, 0, new QTableWidgetItem(it.key()));
        table->setItem(row, 1, new QTableWidgetItem(it.value()));
    }
}

QString cell(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text() : QString();
}

QMap<QString, QString> mapOf(const QTableWidget *table)
{
    QMap<QString, QString> map;
    for (int row = 0; row < table->rowCount(); ++row) {
        const QString key = cell(table, row, 0).trimmed();
        if (!key.isEmpty())
            map.insert(key, cell(table, row, 1));
    }
    return map;
}

// Rows the map would silently drop or merge are mistakes worth naming.
QString tableProblem(const QTableWidget *table, const QString &what, bool identifiers)
{
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    QSet<QString> seen;
    for (int row = 0; row < table->rowCount(); ++row) {
        const QString key = cell(table, row, 0).trimmed();
        if (key.isEmpty() && !cell(table, row, 1).isEmpty())
            return RunConfigDialog::tr("Row %1 of %2 has a value but no name.")
                .arg(row + 1)
                .arg(what);
        if (key.isEmpty())
            continue;
        if (identifiers && !identifier.match(key).hasMatch())
            return RunConfigDialog::tr("\"%1\" is not a valid environment variable name "
                                       "(letters, digits and _, not starting with a digit).")
                .arg(key);
        if (seen.contains(key))
            return RunConfigDialog::tr("%1 names \"%2\" twice.").arg(what, key);
        seen.insert(key);
    }
    return {};
}

QString targetLabel(const ComputeTarget &target)
{
    if (target.kind != ComputeTarget::Kind::Ssh)
        return RunConfigDialog::tr("%1 (this computer)").arg(target.name);
    const QString host = target.config.value(QStringLiteral("host")).toString();
    const QString user = target.config.value(QStringLiteral("user")).toString();
    return RunConfigDialog::tr("%1 (ssh: %2)")
        .arg(target.name, user.isEmpty() ? host : user + QLatin1Char('@') + host);
}

// A no-op command over ssh, bounded: whether runs could start there now.
bool reach(const ComputeTarget &target, QString *reason)
{
    const SshResult result =
        SshConnection(target).run(QStringLiteral("true"), RunConfigDialog::reachabilityTimeoutMs);
    if (result.ok())
        return true;
    *reason =
        !result.message.isEmpty() ? result.message : QString::fromLocal8Bit(result.err).trimmed();
    if (reason->isEmpty())
        *reason = RunConfigDialog::tr("ssh exited with code %1").arg(result.exitCode);
    return false;
}

} // namespace

RunConfigDialog::~RunConfigDialog()
{
    m_closed->store(true);
}

QString RunConfigDialog::targetStatus(const QString &name) const
{
    const int index = m_compute->findData(name);
    if (index < 0)
        return {};
    QStringList parts;
    const QString runs = m_compute->itemData(index, RunsRole).toString();
    if (!runs.isEmpty())
        parts << runs;
    const QString reachability = m_compute->itemData(index, ReachabilityRole).toString();
    if (!reachability.isEmpty())
        parts << reachability;
    return parts.join(QStringLiteral(" \u00b7 "));
}

void RunConfigDialog::updateTargetLabel(int index)
{
    const QString status = targetStatus(m_compute->itemData(index).toString());
    const QString label = m_compute->itemData(index, LabelRole).toString();
    m_compute->setItemText(index, status.isEmpty() ? label : tr("%1 \u2014 %2").arg(label, status));
}

void RunConfigDialog::checkReachability(const ComputeTarget &target)
{
    const int index = m_compute->findData(target.name);
    m_compute->setItemData(index, tr("checking…"), ReachabilityRole);
    updateTargetLabel(index);
    // The global pool: the application waits for it when it ends, and a
    // closed dialog only skips the checks that have not started.
    QPointer<RunConfigDialog> self(this);
    std::shared_ptr<std::atomic_bool> closed = m_closed;
    QThreadPool::globalInstance()->start([target, self, closed] {
        if (closed->load())
            return;
        QString reason;
        const bool ok = reach(target, &reason);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, name = target.name, ok, reason] {
                if (self)
                    self->setReachability(name, ok, reason);
            },
            Qt::QueuedConnection);
    });
}

void RunConfigDialog::setReachability(const QString &name, bool reachable, const QString &reason)
{
    const int index = m_compute->findData(name);
    if (index < 0)
        return;
    m_compute->setItemData(index, reachable ? tr("reachable") : tr("unreachable: %1").arg(reason),
                           ReachabilityRole);
    updateTargetLabel(index);
    Q_EMIT reachabilityChecked(name, reachable);
}

RunConfigDialog::RunConfigDialog(const Workspace *workspace, const RunConfig &config,
                                 QWidget *parent)
    : QDialog(parent)
    , m_config(config)
{
    setWindowTitle(tr("Run Configuration"));
    buildForm();
    fillLists(workspace);
    fillFields();
    revalidate();
}

void RunConfigDialog::buildForm()
{
    m_experiment = new QComboBox(this);
    m_experiment->setObjectName(QStringLiteral("experiment"));
    m_experiment->setEditable(true);
    m_displayName = new QLineEdit(this);
    m_displayName->setObjectName(QStringLiteral("displayName"));
    m_displayName->setPlaceholderText(tr("Optional; shown instead of the run id"));
    m_command = new QLineEdit(this);
    m_command->setObjectName(QStringLiteral("command"));
    m_command->setPlaceholderText(tr("e.g. python3 train.py --lr 0.1"));
    m_interpreter = new QLineEdit(this);
    m_interpreter->setObjectName(QStringLiteral("interpreter"));
    m_interpreter->setPlaceholderText(tr("python3 on the compute target"));
    m_workingDirectory = new QLineEdit(this);
    m_workingDirectory->setObjectName(QStringLiteral("workingDirectory"));
    m_workingDirectory->setPlaceholderText(tr("The project folder"));
    m_environment = newTable(QStringLiteral("environment"), tr("Variable"), this);
    m_timeout = new QSpinBox(this);
    m_timeout->setObjectName(QStringLiteral("timeout"));
    m_timeout->setRange(0, 30 * 24 * 3600);
    m_timeout->setSpecialValueText(tr("No limit"));
    m_timeout->setSuffix(tr(" seconds"));
    m_timeout->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_compute = new QComboBox(this);
    m_compute->setObjectName(QStringLiteral("compute"));
    m_tags = newTable(QStringLiteral("tags"), tr("Tag"), this);
    m_listError = new QLabel(this);
    m_listError->setWordWrap(true);
    m_listError->hide();
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b42318;"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

    auto *form = new QFormLayout;
    form->addRow(tr("&Experiment:"), m_experiment);
    form->addRow(tr("&Display name:"), m_displayName);
    form->addRow(tr("&Command:"),
                 withButton(m_command, tr("Script…"), QStringLiteral("chooseScript"),
                            &RunConfigDialog::chooseScript));
    form->addRow(tr("&Interpreter:"),
                 withButton(m_interpreter, tr("Browse…"), QStringLiteral("chooseInterpreter"),
                            &RunConfigDialog::chooseInterpreter));
    form->addRow(tr("&Working directory:"), withButton(m_workingDirectory, tr("Browse…"),
                                                       QStringLiteral("chooseWorkingDirectory"),
                                                       &RunConfigDialog::chooseWorkingDirectory));
    form->addRow(tr("Compute &target:"), m_compute);
    form->addRow(tr("Time &limit:"), m_timeout);
    form->addRow(tr("En&vironment variables:"),
                 tableWithButtons(m_environment, QStringLiteral("Variable")));
    form->addRow(tr("T&ags:"), tableWithButtons(m_tags, QStringLiteral("Tag")));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_listError);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_displayName, m_command, m_interpreter, m_workingDirectory})
        connect(edit, &QLineEdit::textChanged, this, &RunConfigDialog::revalidate);
    connect(m_experiment, &QComboBox::currentTextChanged, this, &RunConfigDialog::revalidate);
    connect(m_compute, &QComboBox::currentIndexChanged, this, &RunConfigDialog::revalidate);
    for (QTableWidget *table : {m_environment, m_tags}) {
        connect(table, &QTableWidget::itemChanged, this, &RunConfigDialog::revalidate);
        connect(table->model(), &QAbstractItemModel::rowsRemoved, this,
                &RunConfigDialog::revalidate);
    }
    // Tables would otherwise ask for far more room than a few variables need.
    resize(600, minimumSizeHint().height() + 60);
}

QWidget *RunConfigDialog::withButton(QWidget *field, const QString &text, const QString &name,
                                     void (RunConfigDialog::*slot)())
{
    auto *box = new QWidget(this);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(field, 1);
    auto *button = new QPushButton(text, box);
    button->setObjectName(name);
    row->addWidget(button);
    connect(button, &QPushButton::clicked, this, slot);
    return box;
}

QWidget *RunConfigDialog::tableWithButtons(QTableWidget *table, const QString &name)
{
    auto *box = new QWidget(this);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(table, 1);
    auto *buttons = new QVBoxLayout;
    auto *add = new QPushButton(tr("Add"), box);
    add->setObjectName(QStringLiteral("add") + name);
    auto *remove = new QPushButton(tr("Remove"), box);
    remove->setObjectName(QStringLiteral("remove") + name);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    row->addLayout(buttons);
    connect(add, &QPushButton::clicked, table, [table] {
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, 0, new QTableWidgetItem);
        table->setItem(row, 1, new QTableWidgetItem);
        table->setCurrentCell(row, 0);
        table->editItem(table->item(row, 0));
    });
    connect(remove, &QPushButton::clicked, table, [table] {
        const int row = table->currentRow();
        if (row >= 0)
            table->removeRow(row);
    });
    return box;
}

void RunConfigDialog::fillLists(const Workspace *workspace)
{
    QStringList errors;
    QList<ComputeTarget> targets;
    m_checkTargets = workspace != nullptr;
    if (workspace) {
        QString error;
        const QList<Experiment> experiments = Experiments(*workspace).list(&error);
        if (!error.isEmpty())
            errors << tr("Experiments could not be listed: %1").arg(error);
        for (const Experiment &e : experiments)
            m_experiment->addItem(e.name);
        error.clear();
        targets = ComputeTargets(*workspace).list(&error);
        if (!error.isEmpty()) {
            errors << tr("Compute targets could not be listed: %1").arg(error);
            m_checkTargets = false;
        }
    }
    if (targets.isEmpty()) { // no workspace: the local computer is always there
        ComputeTarget local;
        local.name = QStringLiteral("local");
        targets << local;
    }
    QHash<Id, TargetRunCounts> inFlight;
    if (workspace) {
        QString error;
        if (!TaxonomyLoader(*workspace).targetRunCounts(&inFlight, &error))
            errors << tr("Runs in flight could not be counted: %1").arg(error);
    }
    for (const ComputeTarget &t : std::as_const(targets)) {
        m_compute->addItem(targetLabel(t), t.name);
        const int index = m_compute->count() - 1;
        m_compute->setItemData(index, targetLabel(t), LabelRole);
        if (workspace) {
            const QString runs = TaxonomyLoader::formatRunCounts(inFlight.value(t.id));
            m_compute->setItemData(index, runs.isEmpty() ? tr("idle") : runs, RunsRole);
        }
        updateTargetLabel(index);
    }
    for (const ComputeTarget &t : std::as_const(targets))
        if (t.kind == ComputeTarget::Kind::Ssh)
            checkReachability(t);
    m_listError->setText(errors.join(QLatin1Char('\n')));
    m_listError->setVisible(!errors.isEmpty());
}

void RunConfigDialog::fillFields()
{
    m_experiment->setCurrentText(m_config.experimentName);
    m_displayName->setText(m_config.displayName);
    m_command->setText(m_config.command);
    m_interpreter->setText(m_config.interpreter);
    m_workingDirectory->setText(m_config.workingDirectory);
    setMap(m_environment, m_config.environmentVariables);
    m_timeout->setValue(m_config.timeoutSeconds);
    setMap(m_tags, m_config.tags);
    int index = m_compute->findData(m_config.compute);
    if (index < 0) { // keep a name this workspace does not know, and say so below
        m_compute->addItem(m_checkTargets ? tr("%1 (not in this workspace)").arg(m_config.compute)
                                          : m_config.compute,
                           m_config.compute);
        index = m_compute->count() - 1;
        m_compute->setItemData(index, m_checkTargets, UnknownTargetRole);
    }
    m_compute->setCurrentIndex(index);
}

RunConfig RunConfigDialog::config() const
{
    RunConfig c = m_config;
    c.experimentName = m_experiment->currentText().trimmed();
    c.displayName = m_displayName->text().trimmed();
    c.command = m_command->text().trimmed();
    c.interpreter = m_interpreter->text().trimmed();
    c.workingDirectory = m_workingDirectory->text().trimmed();
    c.environmentVariables = mapOf(m_environment);
    c.timeoutSeconds = m_timeout->value();
    c.compute = m_compute->currentData().toString();
    c.tags = mapOf(m_tags);
    return c;
}

QString RunConfigDialog::problem() const
{
    const RunConfig c = config();
    QString error;
    if (!c.validate(&error) || !isValidExperimentName(c.experimentName, &error))
        return error;
    error = tableProblem(m_environment, tr("Environment variables"), true);
    if (error.isEmpty())
        error = tableProblem(m_tags, tr("Tags"), false);
    if (error.isEmpty() && m_compute->currentData(UnknownTargetRole).toBool())
        error = tr("The compute target \"%1\" is not in this workspace.").arg(c.compute);
    return error;
}

void RunConfigDialog::revalidate()
{
    const QString error = problem();
    m_message->setText(error);
    m_message->setVisible(!error.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
}

QString RunConfigDialog::projectDir() const
{
    return QDir(m_config.code).absolutePath();
}

void RunConfigDialog::chooseScript()
{
    const QString file =
        QFileDialog::getOpenFileName(this, tr("Choose the Script to Run"), projectDir(),
                                     tr("Python scripts (*.py);;All files (*)"));
    if (file.isEmpty())
        return;
    const QString relative = QDir(projectDir()).relativeFilePath(file);
    if (relative.startsWith(QLatin1String(".."))) {
        QMessageBox::warning(this, tr("Run Configuration"),
                             tr("The script must be inside the project folder %1: only that "
                                "folder is copied into the run's snapshot.")
                                 .arg(QDir::toNativeSeparators(projectDir())));
        return;
    }
    m_command->setText(RunConfig::commandFor(QString(), relative, {}));
}

void RunConfigDialog::chooseInterpreter()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose the Python Interpreter"),
                                                      QStringLiteral("/usr/bin"));
    if (!file.isEmpty())
        m_interpreter->setText(file);
}

void RunConfigDialog::chooseWorkingDirectory()
{
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Choose the Working Directory"), projectDir());
    if (dir.isEmpty())
        return;
    const QString relative = QDir(projectDir()).relativeFilePath(dir);
    m_workingDirectory->setText(relative == QLatin1String(".") ? QString() : relative);
}

} // namespace mlwb
