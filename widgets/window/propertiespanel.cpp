#include "window/propertiespanel.h"

#include "items/taxonomymodel.h"
#include "window/itemproperties.h"
#include "window/tagchips.h"

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
    m_table->setItemDelegateForColumn(1, new TagChips(m_table));
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, this, [this](int column) {
        if (column == 1)
            fitChipRows(); // chips wrap anew
    });
    connect(m_table, &QTableWidget::cellClicked, this, &PropertiesPanel::toggleDetails);
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
    m_runId = 0;
    reload(workspace);
}

void PropertiesPanel::showRun(const Workspace *workspace, Id runId)
{
    m_index = QModelIndex();
    m_runId = runId;
    reload(workspace);
}

void PropertiesPanel::reload(const Workspace *workspace)
{
    QList<ItemProperties::Field> fields;
    QString error;
    if (m_runId > 0 && workspace) {
        if (!ItemProperties::describeRun(*workspace, m_runId, &fields, &error) && !error.isEmpty())
            Q_EMIT errorOccurred(error);
        m_title->setText(fields.isEmpty() ? tr("Nothing selected") : fields.first().second);
    } else {
        if (m_index.isValid() && !ItemProperties::describe(workspace, m_index, &fields, &error)
            && !error.isEmpty())
            Q_EMIT errorOccurred(error);
        m_title->setText(m_index.isValid() ? m_index.data(TaxonomyModel::NameRole).toString()
                                           : tr("Nothing selected"));
    }
    // What a user reads first; ids, snapshot numbers and the stored
    // configuration wait under Details, and empty fields are left out.
    QList<ItemProperties::Field> plain, technical;
    for (const auto &field : std::as_const(fields)) {
        if (field.second.isEmpty())
            continue;
        (isTechnical(field.first) ? technical : plain).append(field);
    }
    m_table->clearSpans();
    m_table->setRowCount(0);
    auto addRow = [this](const ItemProperties::Field &field, bool detail) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        auto *value = new QTableWidgetItem(field.second);
        value->setToolTip(field.second);
        if (field.first == ItemProperties::tr("Tags"))
            value->setData(TagChips::ChipsRole, field.second.split(u'\n'));
        m_table->setItem(row, 0, new QTableWidgetItem(field.first));
        m_table->setItem(row, 1, value);
        m_table->setRowHidden(row, detail && !m_showDetails);
    };
    for (const auto &field : std::as_const(plain))
        addRow(field, false);
    fitChipRows();
    if (technical.isEmpty())
        return;
    const int header = m_table->rowCount();
    m_table->insertRow(header);
    auto *toggle = new QTableWidgetItem(
        (m_showDetails ? QStringLiteral("▾ ") : QStringLiteral("▸ ")) + tr("Details"));
    toggle->setData(Qt::UserRole, true);
    toggle->setToolTip(tr("Ids and stored settings"));
    QFont bold = toggle->font();
    bold.setBold(true);
    toggle->setFont(bold);
    m_table->setItem(header, 0, toggle);
    m_table->setSpan(header, 0, 1, 2);
    for (const auto &field : std::as_const(technical))
        addRow(field, true);
}

void PropertiesPanel::fitChipRows()
{
    const int width = m_table->columnWidth(1);
    const QFontMetrics metrics(m_table->font());
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *item = m_table->item(row, 1);
        const QStringList chips =
            item ? item->data(TagChips::ChipsRole).toStringList() : QStringList();
        if (!chips.isEmpty())
            m_table->setRowHeight(row, std::max(m_table->verticalHeader()->defaultSectionSize(),
                                                TagChips::height(chips, width, metrics)));
    }
}

bool PropertiesPanel::isTechnical(const QString &field)
{
    const QString config = ItemProperties::tr("Config: %1").arg(QString());
    return field == ItemProperties::tr("Id") || field == ItemProperties::tr("Snapshot")
           || field == ItemProperties::tr("Database")
           || field == ItemProperties::tr("Schema version") || field == ItemProperties::tr("Run id")
           || field.startsWith(config);
}

void PropertiesPanel::toggleDetails(int row)
{
    if (!m_table->item(row, 0) || !m_table->item(row, 0)->data(Qt::UserRole).toBool())
        return;
    m_showDetails = !m_showDetails;
    m_table->item(row, 0)->setText((m_showDetails ? QStringLiteral("▾ ") : QStringLiteral("▸ "))
                                   + tr("Details"));
    for (int r = row + 1; r < m_table->rowCount(); ++r)
        m_table->setRowHidden(r, !m_showDetails);
}

QString PropertiesPanel::value(const QString &field) const
{
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, 0)->text() == field && m_table->item(row, 1))
            return m_table->item(row, 1)->text();
    return {};
}

} // namespace mlwb
