#include "registry/keyvaluetable.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mlwb {

KeyValueTable::KeyValueTable(const QString &name, QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 2, this))
{
    setObjectName(name);
    m_table->setObjectName(name + QStringLiteral("Table"));
    m_table->setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto *add = new QPushButton(tr("Add"), this);
    add->setObjectName(name + QStringLiteral("Add"));
    auto *remove = new QPushButton(tr("Remove"), this);
    remove->setObjectName(name + QStringLiteral("Remove"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, [this] {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setCurrentCell(row, 0);
        m_table->editItem(m_table->item(row, 0));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() < 0)
            return;
        m_table->removeRow(m_table->currentRow());
        Q_EMIT edited();
    });
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!m_filling)
            Q_EMIT edited();
    });
}

void KeyValueTable::setMap(const QMap<QString, QString> &map)
{
    m_filling = true;
    m_table->setRowCount(0);
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(it.key()));
        m_table->setItem(row, 1, new QTableWidgetItem(it.value()));
    }
    m_table->resizeColumnToContents(0);
    m_filling = false;
}

bool KeyValueTable::isEditing() const
{
    const QWidget *focus = QApplication::focusWidget();
    return focus && m_table->viewport()->isAncestorOf(focus);
}

QMap<QString, QString> KeyValueTable::map() const
{
    QMap<QString, QString> out;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *key = m_table->item(row, 0);
        const QTableWidgetItem *value = m_table->item(row, 1);
        if (key && !key->text().trimmed().isEmpty())
            out.insert(key->text().trimmed(), value ? value->text() : QString());
    }
    return out;
}

} // namespace mlwb
