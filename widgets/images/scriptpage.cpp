#include "images/scriptpage.h"

#include "oci/imagebuilder.h"

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
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addStretch();
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
