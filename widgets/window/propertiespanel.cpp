#include "window/propertiespanel.h"

#include "items/taxonomymodel.h"
#include "window/itemproperties.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mlwb {

PropertiesPanel::PropertiesPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_table(new QTableWidget(0, 2, this))
{
    m_title->setObjectName(QStringLiteral("propertiesTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    m_title->setContentsMargins(6, 6, 6, 2);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_table->setObjectName(QStringLiteral("propertiesTable"));
    m_table->setHorizontalHeaderLabels({tr("Property"), tr("Value")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_title);
    layout->addWidget(m_table);
    m_title->setText(tr("Nothing selected"));
}

void PropertiesPanel::showIndex(const Workspace *workspace, const QModelIndex &index)
{
    m_index = index;
    reload(workspace);
}

void PropertiesPanel::reload(const Workspace *workspace)
{
    QList<ItemProperties::Field> fields;
    QString error;
    if (m_index.isValid() && !ItemProperties::describe(workspace, m_index, &fields, &error)
        && !error.isEmpty())
        Q_EMIT errorOccurred(error);
    m_title->setText(m_index.isValid() ? m_index.data(TaxonomyModel::NameRole).toString()
                                       : tr("Nothing selected"));
    m_table->setRowCount(int(fields.size()));
    for (int row = 0; row < fields.size(); ++row) {
        auto *name = new QTableWidgetItem(fields[row].first);
        auto *value = new QTableWidgetItem(fields[row].second);
        value->setToolTip(fields[row].second);
        m_table->setItem(row, 0, name);
        m_table->setItem(row, 1, value);
    }
}

QString PropertiesPanel::value(const QString &field) const
{
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, 0)->text() == field)
            return m_table->item(row, 1)->text();
    return {};
}

} // namespace mlwb
