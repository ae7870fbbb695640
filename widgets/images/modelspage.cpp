#include "images/modelspage.h"

#include "store/models.h"
#include "store/workspace.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace mlwb {

ModelsPage::ModelsPage(const Workspace &workspace, QWidget *parent)
    : QWizardPage(parent)
    , m_search(new QLineEdit)
    , m_list(new QListWidget)
    , m_message(new QLabel)
{
    setObjectName(QStringLiteral("modelsPage"));
    setTitle(tr("Models"));
    setSubTitle(tr("Tick the registered model versions the image serves."));
    m_search->setObjectName(QStringLiteral("modelSearch"));
    m_search->setPlaceholderText(tr("Search by name, version or framework"));
    m_search->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("modelVersions"));
    m_message->setObjectName(QStringLiteral("modelsMessage"));
    m_message->setWordWrap(true);
    QString error;
    const Models models(workspace);
    for (const Model &m : models.list(&error)) {
        for (const ModelVersion &v : models.versions(m.id, &error)) {
            const QString ref = QStringLiteral("%1:%2").arg(v.modelName).arg(v.version);
            auto *item = new QListWidgetItem(
                v.framework.isEmpty() ? ref : tr("%1 · %2").arg(ref, v.framework), m_list);
            item->setData(Qt::UserRole, ref);
            item->setData(Qt::UserRole + 1, v.id);
            item->setToolTip(v.description);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
    }
    if (!error.isEmpty())
        m_message->setText(error);
    else if (m_list->count() == 0)
        m_message->setText(tr("There is no registered model yet: register one first "
                              "(Models ▸ Register Model…)."));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_message);
    connect(m_search, &QLineEdit::textChanged, this, &ModelsPage::filter);
    connect(m_list, &QListWidget::itemChanged, this, &ModelsPage::completeChanged);
}

void ModelsPage::preselect(Id versionId)
{
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        if (item->data(Qt::UserRole + 1).toLongLong() == versionId) {
            item->setCheckState(Qt::Checked);
            m_list->scrollToItem(item);
        }
    }
}

QStringList ModelsPage::models() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->checkState() == Qt::Checked)
            out << m_list->item(i)->data(Qt::UserRole).toString();
    return out;
}

bool ModelsPage::isComplete() const
{
    return !models().isEmpty();
}

void ModelsPage::filter(const QString &text)
{
    // A ticked version stays visible: hiding what will be built would surprise.
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        item->setHidden(item->checkState() != Qt::Checked
                        && !item->text().contains(text.trimmed(), Qt::CaseInsensitive));
    }
}

} // namespace mlwb
