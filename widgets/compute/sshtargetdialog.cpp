#include "compute/sshtargetdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <memory>

namespace mlwb {

SshTargetDialog::SshTargetDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("SSH Compute Target"));
    m_target.kind = ComputeTarget::Kind::Ssh;
    buildForm();
    revalidate();
}

SshTargetDialog::~SshTargetDialog() = default;

namespace {
QLineEdit *lineEdit(const QString &name, const QString &placeholder)
{
    auto *edit = new QLineEdit;
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    return edit;
}
} // namespace

void SshTargetDialog::buildForm()
{
    m_name = lineEdit(QStringLiteral("nameEdit"), tr("e.g. gpu-box"));
    m_host = lineEdit(QStringLiteral("hostEdit"), tr("host name or address"));
    m_port = new QSpinBox;
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setRange(1, 65535);
    m_port->setValue(22);
    m_user = lineEdit(QStringLiteral("userEdit"), tr("default: from ~/.ssh/config"));
    m_identity = lineEdit(QStringLiteral("identityEdit"), tr("default: ssh-agent and ~/.ssh"));
    auto *browse = new QPushButton(tr("Browse..."));
    browse->setObjectName(QStringLiteral("identityBrowse"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file =
            QFileDialog::getOpenFileName(this, tr("Private Key"), m_identity->text());
        if (!file.isEmpty())
            m_identity->setText(file);
    });
    auto *identityRow = new QHBoxLayout;
    identityRow->addWidget(m_identity);
    identityRow->addWidget(browse);
    m_jump = lineEdit(QStringLiteral("jumpEdit"), tr("optional: [user@]host[:port]"));
    m_workdir = lineEdit(QStringLiteral("workdirEdit"), QStringLiteral("~/.mlwb"));
    m_python = lineEdit(QStringLiteral("pythonEdit"), QStringLiteral("python3"));
    m_maxConcurrent = new QSpinBox;
    m_maxConcurrent->setObjectName(QStringLiteral("maxConcurrentSpin"));
    m_maxConcurrent->setRange(0, 1024);
    m_maxConcurrent->setSpecialValueText(tr("no limit"));
    m_keepRunFolders = new QCheckBox(tr("Keep each run's folder on the VM"));
    m_keepRunFolders->setObjectName(QStringLiteral("keepRunFoldersCheck"));
    m_acceptHostKey = new QCheckBox(tr("Trust the host key shown below"));
    m_acceptHostKey->setObjectName(QStringLiteral("acceptHostKeyCheck"));
    m_acceptHostKey->setEnabled(false); // only after a test showed an unknown key
    m_test = new QPushButton(tr("Test connection"));
    m_test->setObjectName(QStringLiteral("testButton"));
    connect(m_test, &QPushButton::clicked, this, &SshTargetDialog::testConnection);
    m_reportView = new QPlainTextEdit;
    m_reportView->setObjectName(QStringLiteral("reportView"));
    m_reportView->setReadOnly(true);
    m_reportView->setPlaceholderText(
        tr("Test the connection to see the VM's OS, CPUs, memory, Python and free disk."));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&User:"), m_user);
    // A row of two widgets has no buddy of its own: give the label one, or
    // the "&" would show instead of underlining.
    auto *identityLabel = new QLabel(tr("&Identity file:"));
    identityLabel->setBuddy(m_identity);
    form->addRow(identityLabel, identityRow);
    form->addRow(tr("&Jump host:"), m_jump);
    form->addRow(tr("&Working folder:"), m_workdir);
    form->addRow(tr("&Interpreter:"), m_python);
    form->addRow(tr("&Concurrent runs:"), m_maxConcurrent);
    form->addRow(QString(), m_keepRunFolders);
    form->addRow(m_test, m_acceptHostKey);
    form->addRow(m_reportView);
    form->addRow(m_buttons);
    for (QLineEdit *edit : {m_name, m_host})
        connect(edit, &QLineEdit::textChanged, this, &SshTargetDialog::revalidate);
}

void SshTargetDialog::setTarget(const ComputeTarget &target)
{
    m_target = target;
    const QJsonObject &c = target.config;
    m_name->setText(target.name);
    m_name->setReadOnly(target.id > 0);
    m_host->setText(c.value(QLatin1String("host")).toString());
    m_port->setValue(c.value(QLatin1String("port")).toInt(22));
    m_user->setText(c.value(QLatin1String("user")).toString());
    m_identity->setText(c.value(QLatin1String("identity")).toString());
    m_jump->setText(c.value(QLatin1String("jump")).toString());
    m_workdir->setText(c.value(QLatin1String("workdir")).toString());
    m_python->setText(c.value(QLatin1String("python")).toString());
    m_maxConcurrent->setValue(target.maxConcurrent);
    m_keepRunFolders->setChecked(c.value(QLatin1String("keepRunFolders")).toBool());
    revalidate();
}

ComputeTarget SshTargetDialog::target() const
{
    ComputeTarget t = m_target;
    t.name = m_name->text().trimmed();
    t.kind = ComputeTarget::Kind::Ssh;
    t.maxConcurrent = m_maxConcurrent->value();
    const auto set = [&t](const char *key, const QString &value) {
        if (value.trimmed().isEmpty())
            t.config.remove(QLatin1String(key));
        else
            t.config.insert(QLatin1String(key), value.trimmed());
    };
    set("host", m_host->text());
    set("user", m_user->text());
    set("identity", m_identity->text());
    set("jump", m_jump->text());
    set("workdir", m_workdir->text());
    set("python", m_python->text());
    t.config.insert(QStringLiteral("port"), m_port->value());
    t.config.insert(QStringLiteral("keepRunFolders"), m_keepRunFolders->isChecked());
    return t;
}

void SshTargetDialog::testConnection()
{
    if (m_testing)
        return;
    m_testing = true;
    revalidate();
    m_reportView->setPlainText(tr("Connecting to %1...").arg(m_host->text()));
    const ComputeTarget tested = target();
    const bool accept = m_acceptHostKey->isEnabled() && m_acceptHostKey->isChecked();
    auto report = std::make_shared<SshReport>();
    // ssh may take seconds (up to its timeouts): off the GUI thread.
    QThread *thread =
        QThread::create([tested, accept, report] { *report = SshProbe::test(tested, accept); });
    QPointer<SshTargetDialog> self(this);
    connect(thread, &QThread::finished, this, [self, thread, report] {
        thread->deleteLater();
        if (self)
            self->showReport(*report);
    });
    thread->start();
}

void SshTargetDialog::showReport(const SshReport &report)
{
    m_testing = false;
    m_report = report;
    QString text =
        report.ok ? tr("Connection OK.") + QLatin1Char('\n') + report.text() : report.text();
    if (report.hostKeyUnknown) {
        text += QLatin1Char('\n')
                + tr("Compare the fingerprint with the VM's (ssh-keygen -lf "
                     "/etc/ssh/ssh_host_ed25519_key.pub on its console), then "
                     "tick \"Trust the host key\" and test again.");
        m_acceptHostKey->setEnabled(true);
    } else {
        m_acceptHostKey->setEnabled(false);
        m_acceptHostKey->setChecked(false);
    }
    m_reportView->setPlainText(text);
    revalidate();
    Q_EMIT testFinished(report.ok);
}

void SshTargetDialog::revalidate()
{
    m_test->setEnabled(!m_testing && !m_host->text().trimmed().isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_testing && !m_name->text().trimmed().isEmpty()
                     && !m_host->text().trimmed().isEmpty());
}

} // namespace mlwb
