#include "runs/frozencolumn.h"

#include <QEvent>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>

namespace mlwb {

FrozenColumn::FrozenColumn(QTableView *table, int column)
    : QObject(table)
    , m_table(table)
    , m_frozen(new QTableView(table))
    , m_column(column)
{
    m_frozen->setObjectName(QStringLiteral("frozenColumn"));
    m_frozen->setModel(table->model());
    m_frozen->setSelectionModel(table->selectionModel());
    m_frozen->setSelectionBehavior(table->selectionBehavior());
    m_frozen->setSelectionMode(table->selectionMode());
    m_frozen->setFocusPolicy(Qt::NoFocus);
    m_frozen->verticalHeader()->hide();
    m_frozen->setWordWrap(false);
    m_frozen->setSortingEnabled(table->isSortingEnabled());
    m_frozen->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_frozen->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setVerticalScrollMode(table->verticalScrollMode());
    m_frozen->setStyleSheet(QStringLiteral("QTableView { border: none; }"));
    m_table->viewport()->stackUnder(m_frozen);
    connect(m_frozen->verticalScrollBar(), &QAbstractSlider::valueChanged,
            m_table->verticalScrollBar(), &QAbstractSlider::setValue);
    connect(m_table->verticalScrollBar(), &QAbstractSlider::valueChanged,
            m_frozen->verticalScrollBar(), &QAbstractSlider::setValue);
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, this, &FrozenColumn::update);
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged,
            m_frozen->horizontalHeader(), &QHeaderView::setSortIndicator);
    connect(m_frozen->horizontalHeader(), &QHeaderView::sectionClicked, m_table,
            [this](int logical) {
                const QHeaderView *header = m_table->horizontalHeader();
                const bool same = header->sortIndicatorSection() == logical;
                m_table->sortByColumn(logical,
                                      same && header->sortIndicatorOrder() == Qt::AscendingOrder
                                          ? Qt::DescendingOrder
                                          : Qt::AscendingOrder);
            });
    connect(m_frozen, &QAbstractItemView::activated, m_table, &QAbstractItemView::activated);
    connect(m_frozen, &QAbstractItemView::doubleClicked, m_table,
            &QAbstractItemView::doubleClicked);
    connect(table->model(), &QAbstractItemModel::modelReset, this, &FrozenColumn::update);
    connect(table->model(), &QAbstractItemModel::layoutChanged, this, &FrozenColumn::update);
    m_table->installEventFilter(this);
    update();
    m_frozen->show();
}

void FrozenColumn::update()
{
    const QAbstractItemModel *model = m_table->model();
    for (int c = 0; model && c < model->columnCount(); ++c)
        m_frozen->setColumnHidden(c, c != m_column);
    if (m_table->isColumnHidden(m_column)) {
        m_frozen->hide();
        return;
    }
    m_frozen->setColumnWidth(m_column, m_table->columnWidth(m_column));
    m_frozen->horizontalHeader()->setFixedHeight(m_table->horizontalHeader()->height());
    // Rows are one line each (no word wrap), so one default height serves all.
    m_frozen->verticalHeader()->setDefaultSectionSize(
        m_table->verticalHeader()->defaultSectionSize());
    m_frozen->setGeometry(m_table->verticalHeader()->width() + m_table->frameWidth(),
                          m_table->frameWidth(), m_table->columnWidth(m_column),
                          m_table->viewport()->height() + m_table->horizontalHeader()->height());
    m_frozen->show();
}

bool FrozenColumn::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table
        && (event->type() == QEvent::Resize || event->type() == QEvent::Show
            || event->type() == QEvent::LayoutRequest))
        update();
    return QObject::eventFilter(watched, event);
}

} // namespace mlwb
