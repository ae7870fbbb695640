#include "images/basepage.h"

#include "images/environmentchoicepage.h"
#include "images/pathfield.h"
#include "oci/imagebuilder.h"
#include "oci/packagecheck.h"
#include "oci/wheelfolder.h"
#include "store/workspace.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

namespace mlwb {

BasePage::BasePage(const QString &workspacePath, const EnvironmentChoicePage *environment,
                   QWidget *parent)
    : QWizardPage(parent)
    , m_workspacePath(workspacePath)
    , m_environment(environment)
    , m_kind(new QComboBox)
    , m_path(new QLineEdit)
    , m_browse(new QPushButton(tr("&Browse…")))
    , m_read(new QPushButton(tr("&Read")))
    , m_facts(new QLabel)
    , m_packages(new QLabel)
    , m_wheels(new PathField(PathField::Folder, tr("Wheel Folder")))
    , m_atStart(new QCheckBox(tr("&Install what is missing when the service first starts "
                                 "(needs network access at deploy time)")))
{
    setObjectName(QStringLiteral("basePage"));
    setTitle(tr("Base Image"));
    setSubTitle(tr("The image the model layers go on top of: a file that podman save or "
                   "docker save wrote, an OCI layout folder, or a registry reference. "
                   "Read it to see what it holds."));
    m_kind->setObjectName(QStringLiteral("baseKind"));
    m_kind->addItems({tr("OCI archive file"), tr("docker-archive file"), tr("OCI layout folder"),
                      tr("Registry reference (REGISTRY/REPO:TAG)")});
    m_path->setObjectName(QStringLiteral("basePath"));
    m_browse->setObjectName(QStringLiteral("browseBase"));
    m_read->setObjectName(QStringLiteral("readBase"));
    m_facts->setObjectName(QStringLiteral("baseFacts"));
    m_packages->setObjectName(QStringLiteral("basePackages"));
    for (QLabel *label : {m_facts, m_packages}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    auto *row = new QHBoxLayout;
    row->addWidget(m_path, 1);
    row->addWidget(m_browse);
    row->addWidget(m_read);
    auto *form = new QFormLayout;
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("Base:"), row);
    form->addRow(tr("What was read:"), m_facts);
    // Outside the form: the package lines are long and must wrap, not be cut.
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("<b>The environment's packages</b>")));
    auto *wheels = new QFormLayout;
    m_wheels->setObjectName(QStringLiteral("wheelFolder"));
    m_wheels->lineEdit()->setPlaceholderText(tr("none: only what the base has"));
    wheels->addRow(tr("&Wheel folder:"), m_wheels);
    layout->addLayout(wheels);
    m_atStart->setObjectName(QStringLiteral("installAtStart"));
    layout->addWidget(m_atStart);
    layout->addWidget(m_packages);
    layout->addStretch();
    const auto report = [this] {
        if (m_base)
            m_packages->setText(packageReport());
    };
    connect(m_wheels, &PathField::pathChanged, this, report);
    connect(m_atStart, &QCheckBox::toggled, this, report);
    const auto changed = [this] {
        m_base.reset();
        m_facts->setText(tr("Not read yet."));
        m_packages->clear();
        m_browse->setEnabled(m_kind->currentIndex() != RegistryReference);
        m_path->setPlaceholderText(m_kind->currentIndex() == RegistryReference
                                       ? tr("e.g. registry.example.com/team/python:3.11")
                                       : tr("e.g. /var/tmp/python-base.tar"));
        Q_EMIT completeChanged();
    };
    connect(m_kind, &QComboBox::currentIndexChanged, this, changed);
    connect(m_path, &QLineEdit::textChanged, this, changed);
    connect(m_browse, &QPushButton::clicked, this, &BasePage::browse);
    connect(m_read, &QPushButton::clicked, this, &BasePage::read);
    changed();
}

QString BasePage::reference() const
{
    const QString path = m_path->text().trimmed();
    switch (m_kind->currentIndex()) {
    case OciArchive:
        return QStringLiteral("oci-archive:") + path;
    case DockerArchive:
        return QStringLiteral("docker-archive:") + path;
    case OciFolder:
        return QStringLiteral("oci:") + path;
    default:
        return path;
    }
}

void BasePage::setBase(int kind, const QString &path)
{
    m_kind->setCurrentIndex(kind);
    m_path->setText(path);
}

bool BasePage::isComplete() const
{
    return m_base.has_value() && !m_reading;
}

void BasePage::initializePage()
{
    // The environment may have changed since the base was read.
    if (m_base)
        m_packages->setText(packageReport());
}

QString BasePage::wheelFolder() const
{
    return m_wheels->path();
}

void BasePage::setWheelFolder(const QString &folder)
{
    m_wheels->setPath(folder);
}

bool BasePage::installMissingAtStart() const
{
    return m_atStart->isChecked();
}

void BasePage::setInstallMissingAtStart(bool on)
{
    m_atStart->setChecked(on);
}

bool BasePage::validatePage()
{
    QList<oci::WheelName> wheels;
    QString error;
    if (!m_base || wheelFolder().isEmpty()
        || oci::checkWheelFolder(wheelFolder(), m_base->pythonVersion, m_base->architecture,
                                 &wheels, &error))
        return true;
    m_packages->setText(error);
    return false;
}

void BasePage::browse()
{
    const QString path =
        m_kind->currentIndex() == OciFolder
            ? QFileDialog::getExistingDirectory(this, tr("OCI Layout Folder"), m_path->text())
            : QFileDialog::getOpenFileName(this, tr("Base Image Archive"), m_path->text(),
                                           tr("Image archives (*.tar *.tar.gz);;All files (*)"));
    if (!path.isEmpty())
        m_path->setText(path);
}

void BasePage::read()
{
    if (m_path->text().trimmed().isEmpty() || m_reading)
        return;
    m_reading = true;
    m_read->setEnabled(false);
    m_facts->setText(tr("Reading %1…").arg(reference()));
    Q_EMIT completeChanged();
    QPointer<BasePage> self(this);
    const QString path = m_workspacePath, ref = reference();
    QThread *thread = QThread::create([self, path, ref] {
        oci::BaseImage base;
        QString error;
        if (auto ws = Workspace::open(path, &error))
            ImageBuilder::inspectBase(*ws, ref, &base, &error);
        QMetaObject::invokeMethod(qApp, [self, base, error] {
            if (self)
                self->showRead(base, error);
        });
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void BasePage::showRead(const oci::BaseImage &base, const QString &error)
{
    m_reading = false;
    m_read->setEnabled(true);
    if (!error.isEmpty()) {
        m_base.reset();
        m_facts->setText(error);
        m_packages->clear();
    } else {
        m_base = base;
        m_facts->setText(
            tr("%1/%2, %3 in %n layer(s), Python %4", nullptr, int(base.layers.size()))
                .arg(base.os, base.architecture, QLocale().formattedDataSize(base.size),
                     base.pythonVersion.isEmpty() ? tr("not found") : base.pythonVersion));
        m_packages->setText(packageReport());
    }
    Q_EMIT completeChanged();
}

QString BasePage::packageReport() const
{
    const QStringList wanted = m_environment->packages();
    if (wanted.isEmpty() || !m_base)
        return m_environment->environment().isEmpty() ? tr("No environment chosen.")
                                                      : tr("The environment lists no packages.");
    QStringList lines;
    QMap<QString, QString> installed = m_base->pythonPackages;
    if (!wheelFolder().isEmpty()) {
        QList<oci::WheelName> wheels;
        QString error;
        if (!oci::checkWheelFolder(wheelFolder(), m_base->pythonVersion, m_base->architecture,
                                   &wheels, &error))
            return error;
        QStringList names;
        for (const oci::WheelName &w : std::as_const(wheels)) {
            installed.insert(oci::normalizedPackageName(w.name), w.version);
            names << w.name + QLatin1Char(' ') + w.version;
        }
        lines << tr("The wheel folder adds %n wheel(s) as a layer: %1.", nullptr,
                    int(wheels.size()))
                     .arg(names.join(QStringLiteral(", ")));
    }
    const oci::PackageCheck check = oci::checkPackages(wanted, installed);
    if (!check.present.isEmpty())
        lines << tr("In the image: %1.").arg(check.present.join(QStringLiteral(", ")));
    if (!check.missing.isEmpty() && installMissingAtStart())
        lines << tr("Missing: %1. pip installs them when the service first starts, which "
                    "needs network access at deploy time (and pip in the base).")
                     .arg(check.missing.join(QStringLiteral(", ")));
    else if (!check.missing.isEmpty())
        lines << tr("Missing: %1. They are not put into this image. Either choose a wheel "
                    "folder above with wheels for Python %2, or install them when the service "
                    "first starts, which needs network access at deploy time. Or choose a base "
                    "that has them.")
                     .arg(check.missing.join(QStringLiteral(", ")), m_base->pythonVersion);
    else
        lines << tr("Nothing is missing.");
    return lines.join(QStringLiteral("\n\n"));
}

} // namespace mlwb
