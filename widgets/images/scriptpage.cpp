#include "images/scriptpage.h"

#include "images/pathfield.h"
#include "oci/imagebuilder.h"

#include <QFormLayout>

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

namespace mlwb {

ScriptPage::ScriptPage(QWidget *parent)
    : QWizardPage(parent)
    , m_path(new QLineEdit)
    , m_browse(new QPushButton(tr("&Browse…")))
    , m_template(new QPushButton(tr("New from &Template…")))
    , m_edit(new QPushButton(tr("Open in &Editor")))
    , m_message(new QLabel)
    , m_sources(new PathField(PathField::Folder, tr("Source Folder")))
    , m_sampleInput(new PathField(PathField::File, tr("Sample Request"),
                                  tr("JSON files (*.json);;All files (*)")))
    , m_sampleOutput(new PathField(PathField::File, tr("Sample Answer"),
                                   tr("JSON files (*.json);;All files (*)")))
{
    setObjectName(QStringLiteral("scriptPage"));
    setTitle(tr("Scoring Script"));
    setSubTitle(tr("A Python file with init(), run once to load the models from "
                   "AZUREML_MODEL_DIR, and run(raw_data), called with each request's JSON."));
    m_path->setObjectName(QStringLiteral("scriptPath"));
    m_path->setPlaceholderText(tr("e.g. /home/me/project/score.py"));
    m_browse->setObjectName(QStringLiteral("browseScript"));
    m_template->setObjectName(QStringLiteral("scriptTemplate"));
    m_edit->setObjectName(QStringLiteral("editScript"));
    m_message->setObjectName(QStringLiteral("scriptMessage"));
    m_message->setWordWrap(true);
    auto *row = new QHBoxLayout;
    row->addWidget(m_path, 1);
    row->addWidget(m_browse);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_template);
    buttons->addWidget(m_edit);
    buttons->addStretch();
    m_sources->setObjectName(QStringLiteral("sourceDir"));
    m_sampleInput->setObjectName(QStringLiteral("sampleInput"));
    m_sampleOutput->setObjectName(QStringLiteral("sampleOutput"));
    auto *optional = new QFormLayout;
    optional->addRow(tr("Other sources (folder):"), m_sources);
    optional->addRow(tr("Sample request (JSON):"), m_sampleInput);
    optional->addRow(tr("Sample answer (JSON):"), m_sampleOutput);
    auto *hint = new QLabel(tr("Optional. The sources are copied beside the script under "
                               "/var/azureml-app. From the samples, the service's OpenAPI "
                               "document (/swagger.json) gets its schema and examples, and the "
                               "test console starts from the sample request."));
    hint->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addSpacing(12);
    layout->addLayout(optional);
    layout->addWidget(hint);
    layout->addStretch();
    for (PathField *field : {m_sources, m_sampleInput, m_sampleOutput})
        connect(field, &PathField::pathChanged, m_message, &QLabel::clear);
    connect(m_path, &QLineEdit::textChanged, this, [this] {
        m_message->clear();
        Q_EMIT completeChanged();
    });
    connect(m_browse, &QPushButton::clicked, this, &ScriptPage::browse);
    connect(m_template, &QPushButton::clicked, this, &ScriptPage::newFromTemplate);
    connect(m_edit, &QPushButton::clicked, this, [this] {
        if (QFileInfo(scriptPath()).isFile())
            Q_EMIT openInEditor(scriptPath());
    });
}

QString ScriptPage::scriptPath() const
{
    const QString text = m_path->text().trimmed();
    return text.isEmpty() ? QString() : QFileInfo(text).absoluteFilePath();
}

QString ScriptPage::sourceDir() const
{
    return m_sources->path();
}

QString ScriptPage::sampleInput() const
{
    return m_sampleInput->path();
}

QString ScriptPage::sampleOutput() const
{
    return m_sampleOutput->path();
}

void ScriptPage::setOptional(const QString &sourceDir, const QString &sampleInput,
                             const QString &sampleOutput)
{
    m_sources->setPath(sourceDir);
    m_sampleInput->setPath(sampleInput);
    m_sampleOutput->setPath(sampleOutput);
}

bool ScriptPage::isComplete() const
{
    return !m_path->text().trimmed().isEmpty();
}

bool ScriptPage::validatePage()
{
    QString error;
    if (!checkScoringScript(scriptPath(), &error)) {
        m_message->setText(error);
        return false;
    }
    if (!sourceDir().isEmpty() && !QFileInfo(sourceDir()).isDir()) {
        m_message->setText(tr("The source folder %1 does not exist.").arg(sourceDir()));
        return false;
    }
    // A sample that is not JSON would only fail the build later.
    for (const QString &sample : {sampleInput(), sampleOutput()})
        if (!sample.isEmpty() && !checkSampleJson(sample, &error)) {
            m_message->setText(error);
            return false;
        }
    m_message->clear();
    return true;
}

bool ScriptPage::writeTemplate(const QString &path, QString *error)
{
    QFile source(QStringLiteral(":/scoring/score_template.py"));
    QSaveFile target(path);
    if (!source.open(QIODevice::ReadOnly)) {
        *error = tr("The template is missing from this build: %1").arg(source.errorString());
        return false;
    }
    if (!target.open(QIODevice::WriteOnly) || target.write(source.readAll()) < 0
        || !target.commit()) {
        *error = tr("Could not write %1: %2").arg(path, target.errorString());
        return false;
    }
    m_path->setText(path);
    return true;
}

void ScriptPage::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Scoring Script"), scriptPath(),
                                                      tr("Python files (*.py);;All files (*)"));
    if (!path.isEmpty())
        m_path->setText(path);
}

void ScriptPage::newFromTemplate()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("New Scoring Script"), QStringLiteral("score.py"), tr("Python files (*.py)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!writeTemplate(path, &error)) {
        m_message->setText(error);
        return;
    }
    m_message->setText(tr("Wrote the template to %1. Edit run() to fit your model.").arg(path));
    Q_EMIT openInEditor(path);
}

} // namespace mlwb
