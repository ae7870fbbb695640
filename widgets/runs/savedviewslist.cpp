#include "runs/savedviewslist.h"

#include "store/savedviews.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace mlwb {

SavedViewsList::SavedViewsList(const Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    setObjectName(QStringLiteral("savedViews"));
    m_list = new QListWidget;
    auto *openButton = new QPushButton(tr("Open"));
    auto *deleteButton = new QPushButton(tr("Delete…"));
    auto *reloadButton = new QPushButton(tr("Reload"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(openButton);
    buttons->addWidget(deleteButton);
    buttons->addStretch(1);
    buttons->addWidget(reloadButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    connect(openButton, &QPushButton::clicked, this, &SavedViewsList::openCurrent);
    connect(m_list, &QListWidget::itemActivated, this, &SavedViewsList::openCurrent);
    connect(deleteButton, &QPushButton::clicked, this, &SavedViewsList::removeCurrent);
    connect(reloadButton, &QPushButton::clicked, this, [this] {
        QString error;
        if (!reload(&error))
            QMessageBox::warning(this, tr("Saved views"), error);
    });
}

bool SavedViewsList::reload(QString *error)
{
    QString e;
    const QList<SavedView> views = SavedViews(m_workspace).list(&e);
    m_list->clear();
    if (!e.isEmpty()) {
        if (error)
            *error = e;
        return false;
    }
    for (const SavedView &view : views) {
        auto *item = new QListWidgetItem(view.name, m_list);
        item->setToolTip(tr("Saved %1").arg(view.updatedAt.toString(Qt::ISODate)));
    }
    return true;
}

QStringList SavedViewsList::names() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out << m_list->item(i)->text();
    return out;
}

QString SavedViewsList::currentName() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->text() : QString();
}

bool SavedViewsList::open(const QString &name, QString *error)
{
    QString e;
    const auto view = SavedViews(m_workspace).find(name, &e);
    if (!view) {
        if (error)
            *error = e.isEmpty() ? tr("There is no saved view '%1'.").arg(name) : e;
        return false;
    }
    Q_EMIT openRequested(view->name, view->spec);
    return true;
}

bool SavedViewsList::remove(const QString &name, QString *error)
{
    if (!SavedViews(m_workspace).remove(name, error))
        return false;
    return reload(error);
}

void SavedViewsList::openCurrent()
{
    const QString name = currentName();
    QString error;
    if (!name.isEmpty() && !open(name, &error))
        QMessageBox::warning(this, tr("Open saved view"), error);
}

void SavedViewsList::removeCurrent()
{
    const QString name = currentName();
    if (name.isEmpty())
        return;
    if (QMessageBox::question(this, tr("Delete saved view"),
                              tr("Delete the saved view '%1'?").arg(name))
        != QMessageBox::Yes)
        return;
    QString error;
    if (!remove(name, &error))
        QMessageBox::warning(this, tr("Delete saved view"), error);
}

} // namespace mlwb
