#include "registry/identitypage.h"

#include "registry/frameworkguess.h"
#include "registry/sourcepage.h"
#include "store/environments.h"
#include "store/models.h"
#include "store/versionedassets.h"
#include "store/workspace.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QRegularExpression>
#include <QTimer>

namespace mlwb {

namespace {

// The framework of the files at `path`, as the registry would guess it.
QString guessFramework(const QString &path)
{
    const QFileInfo info(path);
    if (info.isFile())
        return framework::guess(info.absolutePath(), {info.fileName()});
    const QDir parent = info.absoluteDir();
    QStringList paths;
    QDirIterator it(info.absoluteFilePath(), QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        paths << parent.relativeFilePath(it.next());
    return framework::guess(parent.absolutePath(), paths);
}

} // namespace

IdentityPage::IdentityPage(const Workspace &workspace, const SourcePage *source, QWidget *parent)
    : QWizardPage(parent)
    , m_workspace(workspace)
    , m_source(source)
    , m_newModel(new QRadioButton(tr("A ne&w model")))
    , m_existingModel(new QRadioButton(tr("A new version of an &existing model")))
    , m_name(new QLineEdit)
    , m_existing(new QComboBox)
    , m_versionLabel(new QLabel)
    , m_description(new QPlainTextEdit)
    , m_tags(new QPlainTextEdit)
    , m_aliases(new QLineEdit)
    , m_framework(new QComboBox)
    , m_environment(new QComboBox)
    , m_message(new QLabel)
{
    setObjectName(QStringLiteral("identityPage"));
    setTitle(tr("Identity"));
    setSubTitle(tr("Name the model and say what this version is."));
    m_newModel->setObjectName(QStringLiteral("newModel"));
    m_existingModel->setObjectName(QStringLiteral("existingModel"));
    m_name->setObjectName(QStringLiteral("modelName"));
    m_name->setPlaceholderText(tr("e.g. credit-risk"));
    m_existing->setObjectName(QStringLiteral("existingModels"));
    m_versionLabel->setObjectName(QStringLiteral("versionNumber"));
    m_description->setObjectName(QStringLiteral("description"));
    m_description->setTabChangesFocus(true);
    m_tags->setObjectName(QStringLiteral("tags"));
    m_tags->setPlaceholderText(tr("One KEY=VALUE a line, e.g. stage=candidate"));
    m_tags->setTabChangesFocus(true);
    m_aliases->setObjectName(QStringLiteral("aliases"));
    m_aliases->setPlaceholderText(tr("e.g. staging production"));
    m_framework->setObjectName(QStringLiteral("framework"));
    m_framework->addItems(framework::known());
    m_environment->setObjectName(QStringLiteral("environment"));
    m_message->setObjectName(QStringLiteral("identityMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020"));
    auto *choice = new QButtonGroup(this);
    choice->addButton(m_newModel);
    choice->addButton(m_existingModel);
    m_newModel->setChecked(true);
    for (QPlainTextEdit *edit : {m_description, m_tags})
        edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 4 + 12);

    auto *newRow = new QHBoxLayout;
    newRow->addWidget(m_newModel);
    newRow->addWidget(m_name, 1);
    auto *existingRow = new QHBoxLayout;
    existingRow->addWidget(m_existingModel);
    existingRow->addWidget(m_existing, 1);
    auto *form = new QFormLayout(this);
    form->addRow(newRow);
    form->addRow(existingRow);
    form->addRow(m_versionLabel);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("&Tags:"), m_tags);
    form->addRow(tr("&Aliases:"), m_aliases);
    form->addRow(tr("&Framework:"), m_framework);
    form->addRow(tr("En&vironment:"), m_environment);
    form->addRow(m_message);

    connect(m_newModel, &QRadioButton::toggled, this, &IdentityPage::update);
    connect(m_name, &QLineEdit::textChanged, this, &IdentityPage::update);
    connect(m_existing, &QComboBox::currentIndexChanged, this, [this] {
        m_existingModel->setChecked(true);
        update();
    });
    connect(m_tags, &QPlainTextEdit::textChanged, this, &IdentityPage::update);
    connect(m_aliases, &QLineEdit::textChanged, this, &IdentityPage::update);
    loadModels();
    loadEnvironments(QString(), true);
    update();
}

void IdentityPage::loadModels()
{
    QString error;
    const QList<Model> models = Models(m_workspace).list(&error);
    const QSignalBlocker blocker(m_existing);
    m_existing->clear();
    for (const Model &m : models)
        m_existing->addItem(m.name);
    m_existingModel->setEnabled(!models.isEmpty());
    m_existing->setEnabled(!models.isEmpty());
    if (!error.isEmpty())
        m_message->setText(tr("The models could not be read: %1").arg(error));
}

// A run's model inherits its environment: the registry takes the run's when
// none is named, so "(none)" is only offered where there is none to inherit.
void IdentityPage::loadEnvironments(const QString &selected, bool allowNone)
{
    m_environment->clear();
    if (allowNone)
        m_environment->addItem(tr("(none)"), QString());
    const Environments environments(m_workspace);
    QString error;
    for (const Environment &e : environments.list(&error)) {
        for (const EnvironmentVersion &v : environments.versions(e.id, &error)) {
            const QString ref = e.name + QLatin1Char(':') + QString::number(v.version);
            m_environment->addItem(tr("%1 (%2)").arg(ref, v.python), ref);
        }
    }
    const int index = m_environment->findData(selected);
    m_environment->setCurrentIndex(std::max(0, index));
}

// Only a source that changed resets what was guessed from it: Back and Next
// keep what the user chose.
void IdentityPage::initializePage()
{
    // After QWizard has moved the focus to its buttons.
    QTimer::singleShot(0, this, [this] {
        (m_newModel->isChecked() ? static_cast<QWidget *>(m_name) : m_existing)->setFocus();
    });
    const QString path = m_source->localPath();
    if (path == m_guessedFor)
        return;
    m_guessedFor = path;
    const QString guessed = guessFramework(path);
    m_framework->setCurrentIndex(std::max(0, m_framework->findText(guessed)));
    QString inherited;
    if (const auto run = m_source->run(); run && m_source->fromRun()) {
        QString error; // none recorded is no error
        if (const auto e = Environments(m_workspace).forRun(run->id, &error))
            inherited = e->environmentName + QLatin1Char(':') + QString::number(e->version);
    }
    loadEnvironments(inherited, inherited.isEmpty());
}

QString IdentityPage::modelName() const
{
    return m_newModel->isChecked() ? m_name->text().trimmed() : m_existing->currentText();
}

QString IdentityPage::description() const
{
    return m_description->toPlainText().trimmed();
}

QMap<QString, QString> IdentityPage::tags() const
{
    QMap<QString, QString> out;
    problem(&out);
    return out;
}

QStringList IdentityPage::aliases() const
{
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    return m_aliases->text().split(separators, Qt::SkipEmptyParts);
}

QString IdentityPage::framework() const
{
    return m_framework->currentText();
}

QString IdentityPage::environment() const
{
    return m_environment->currentData().toString();
}

// What stops the page, in the user's words; empty when nothing does.
QString IdentityPage::problem(QMap<QString, QString> *tags) const
{
    const QString name = modelName();
    Models models(m_workspace);
    QString error;
    if (name.isEmpty())
        return m_newModel->isChecked() ? tr("Enter a name for the new model.")
                                       : tr("Pick the model to add a version to.");
    if (!models.assets().checkName(name, &error))
        return error;
    if (m_newModel->isChecked() && models.find(name))
        return tr("There is already a model named '%1': register a new version of it "
                  "instead, or choose another name.")
            .arg(name);
    const QStringList lines = m_tags->toPlainText().split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const int eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return tr("Tag line %1 is not KEY=VALUE: '%2'.").arg(i + 1).arg(line);
        if (tags)
            tags->insert(line.left(eq).trimmed(), line.mid(eq + 1).trimmed());
    }
    const QStringList list = aliases();
    for (const QString &alias : list)
        if (!VersionedAssets::checkAlias(alias, &error))
            return error;
    return {};
}

void IdentityPage::update()
{
    const QString name = modelName();
    QString error;
    QString invalid; // a name the store refuses gets no number
    const bool valid = !name.isEmpty() && Models(m_workspace).assets().checkName(name, &invalid);
    m_version = valid ? Models(m_workspace).nextVersion(name, &error) : -1;
    m_versionLabel->setVisible(m_version > 0);
    m_versionLabel->setText(m_version > 0
                                ? tr("This will be version %1 of '%2'.").arg(m_version).arg(name)
                                : QString());
    m_message->setText(error.isEmpty() ? problem() : error);
    Q_EMIT completeChanged();
}

bool IdentityPage::isComplete() const
{
    return problem().isEmpty();
}

// Another program may have taken the name since it was typed.
bool IdentityPage::validatePage()
{
    update();
    return m_message->text().isEmpty();
}

} // namespace mlwb
