#include "runs/runstableview.h"

#include "items/rungroupsmodel.h"
#include "items/runsfilterproxy.h"
#include "items/runstablemodel.h"
#include "runs/frozencolumn.h"
#include "runs/runstatusdelegate.h"
#include "store/changewatcher.h"
#include "store/workspace.h"
#include "window/appsettings.h"
#include "window/stickymenu.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputMethodEvent>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace mlwb {

namespace {
// Only departures from isShownByDefault() are stored, so the columns a new
// metric brings start at their default whatever was chosen before.
const QString hiddenKey = QStringLiteral("runsTable/hiddenColumns");
const QString shownKey = QStringLiteral("runsTable/shownColumns");
const QString constantKey = QStringLiteral("runsTable/showConstantColumns");

// QLineEdit has no API for formatting part of its text; an input method
// event with a TextFormat attribute is the supported way to draw it.
void underline(QLineEdit *edit, int start, int length)
{
    QList<QInputMethodEvent::Attribute> attributes;
    if (length > 0) {
        QTextCharFormat format;
        format.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
        format.setUnderlineColor(Qt::red);
        format.setBackground(QColor(255, 220, 220));
        attributes << QInputMethodEvent::Attribute(QInputMethodEvent::TextFormat,
                                                   start - edit->cursorPosition(), length, format);
    }
    QInputMethodEvent event(QString(), attributes);
    QCoreApplication::sendEvent(edit, &event);
}
} // namespace

RunsTableView::RunsTableView(const Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_model(new RunsTableModel(workspace, this))
    , m_proxy(new RunsFilterProxy(this))
    , m_filter(new QLineEdit)
    , m_filterError(new QLabel)
    , m_table(new QTableView)
    , m_compare(new QPushButton(tr("Compare")))
    , m_columnsMenu(new StickyMenu(this))
    , m_groups(new RunGroupsModel(m_model, m_proxy, this))
    , m_groupBy(new QComboBox)
    , m_groupTree(new QTreeView)
    , m_stack(new QStackedWidget)
{
    m_proxy->setSourceModel(m_model);
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setPlaceholderText(tr("Filter, e.g. metrics.accuracy > 0.9 and tags.model = cnn"));
    m_filter->setClearButtonEnabled(true);
    m_filterError->setObjectName(QStringLiteral("filterError"));
    m_filterError->setStyleSheet(QStringLiteral("color: #b00020"));
    // Room for the message is kept, so an error does not move the table.
    QSizePolicy keep = m_filterError->sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    m_filterError->setSizePolicy(keep);
    m_filterError->hide();
    m_table->setObjectName(QStringLiteral("runsTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // the store's order: newest first
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, &RunsTableView::showRunMenu);
    m_compare->setObjectName(QStringLiteral("compare"));
    m_compare->setEnabled(false);
    auto *columns = new QToolButton;
    columns->setObjectName(QStringLiteral("columns"));
    columns->setText(tr("Columns"));
    columns->setToolTip(tr("Choose the columns to show"));
    columns->setPopupMode(QToolButton::InstantPopup);
    columns->setMenu(m_columnsMenu);
    connect(m_columnsMenu, &QMenu::aboutToShow, this, [this] { fillColumnMenu(m_columnsMenu); });
    m_groupBy->setObjectName(QStringLiteral("groupBy"));
    m_groupBy->setToolTip(tr("Group the runs by a tag or parameter, with each metric's mean"));
    connect(m_groupBy, &QComboBox::activated, this, &RunsTableView::applyGrouping);
    m_groupTree->setObjectName(QStringLiteral("runGroups"));
    m_groupTree->setModel(m_groups);
    m_groupTree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_groupTree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_groupTree->setUniformRowHeights(true);
    m_groupTree->setAlternatingRowColors(true);
    connect(m_groupTree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (const Id id = index.data(RunGroupsModel::RunIdRole).toLongLong())
            Q_EMIT openRunRequested(id);
    });
    connect(m_groupTree->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_compare->setEnabled(!selectedRuns().isEmpty()); });
    connect(m_groups, &QAbstractItemModel::modelReset, this, &RunsTableView::matchGroupColumns);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_groupTree);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_groupBy);
    bar->addWidget(columns);
    bar->addWidget(m_compare);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_filterError);
    layout->addWidget(m_stack, 1);
    connect(m_filter, &QLineEdit::textChanged, this, &RunsTableView::applyFilter);
    connect(m_table->horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
            &RunsTableView::showColumnMenu);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_compare->setEnabled(!selectedRuns().isEmpty()); });
    connect(m_compare, &QPushButton::clicked, this,
            [this] { Q_EMIT compareRequested(selectedRuns()); });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT openRunRequested(index.data(RunsTableModel::RunIdRole).toLongLong());
    });
    m_liveTimer.setSingleShot(true);
    connect(&m_liveTimer, &QTimer::timeout, this, &RunsTableView::reloadLive);
    auto *watcher = new ChangeWatcher(workspace.databasePath(), this);
    connect(watcher, &ChangeWatcher::changed, this, &RunsTableView::onStoreChanged);
    watcher->start();
}

void RunsTableView::onStoreChanged(const QStringList &topics)
{
    if ((topics.contains(QLatin1String("runs")) || topics.contains(QLatin1String("metrics")))
        && !m_liveTimer.isActive())
        m_liveTimer.start(m_liveIntervalMs);
}

void RunsTableView::reloadLive()
{
    const QList<Id> selected = selectedRuns();
    const Id current = m_table->currentIndex().data(RunsTableModel::RunIdRole).toLongLong();
    const int scroll = m_table->verticalScrollBar()->value();
    const int columns = m_model->columnCount();
    QElapsedTimer clock;
    clock.start();
    QString error;
    if (!m_model->reload(&error)) {
        m_filterError->setText(tr("The runs could not be reloaded: %1").arg(error));
        m_filterError->show();
        return;
    }
    if (m_model->columnCount() != columns) {
        restoreColumns(); // a new metric, tag or parameter
        m_table->resizeColumnsToContents();
    }
    if (m_frozen)
        m_frozen->update();
    QItemSelection selection;
    QModelIndex currentIndex;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        const Id id = index.data(RunsTableModel::RunIdRole).toLongLong();
        if (selected.contains(id))
            selection.select(index, index);
        if (id == current)
            currentIndex = index;
    }
    QItemSelectionModel *model = m_table->selectionModel();
    if (currentIndex.isValid())
        model->setCurrentIndex(currentIndex, QItemSelectionModel::NoUpdate);
    model->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->verticalScrollBar()->setValue(scroll);
    // A big table reloads less often: live updates never cost much of the GUI.
    m_liveIntervalMs = std::max<int>(1000, int(clock.elapsed()) * 5);
}

bool RunsTableView::setExperiment(Id experimentId, QString *error)
{
    m_model->setExperiment(experimentId);
    return reload(error);
}

bool RunsTableView::setRuns(const QList<Id> &runIds, QString *error)
{
    m_model->setRunIds(runIds);
    return reload(error);
}

bool RunsTableView::reload(QString *error)
{
    if (!m_model->reload(error))
        return false;
    if (!m_frozen) { // the fixed columns exist once the model has loaded
        m_table->setItemDelegateForColumn(m_model->columnOf(QStringLiteral("status")),
                                          new RunStatusDelegate(m_table));
        m_frozen = new FrozenColumn(m_table, m_model->columnOf(QStringLiteral("name")));
    }
    restoreColumns();
    m_table->resizeColumnsToContents();
    m_frozen->update();
    fillGroupBy();
    return true;
}

QList<Id> RunsTableView::selectedRuns() const
{
    QList<Id> out;
    if (m_stack->currentWidget() == m_groupTree) {
        const QModelIndexList rows = m_groupTree->selectionModel()->selectedRows();
        for (const QModelIndex &index : rows)
            if (const Id id = index.data(RunGroupsModel::RunIdRole).toLongLong())
                out << id;
        return out;
    }
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        out << index.data(RunsTableModel::RunIdRole).toLongLong();
    return out;
}

void RunsTableView::fillGroupBy()
{
    const QString current = m_groups->groupKey();
    m_groupBy->clear();
    m_groupBy->addItem(tr("No grouping"), QString());
    for (int c = 0; c < m_model->columnCount(); ++c) {
        const auto group = m_model->columnGroup(c);
        if (group == RunsTableModel::Group::Tag || group == RunsTableModel::Group::Param)
            m_groupBy->addItem(tr("Group by %1").arg(m_model->columnName(c)),
                               m_model->columnKey(c));
    }
    m_groupBy->setCurrentIndex(std::max(0, m_groupBy->findData(current)));
}

// The groups show the table's columns, in the table's order, with the tree's
// branches and group labels in the name column.
void RunsTableView::matchGroupColumns()
{
    m_groupTree->expandAll();
    QHeaderView *header = m_groupTree->header();
    const QHeaderView *table = m_table->horizontalHeader();
    for (int visual = 0; visual < table->count(); ++visual) {
        const int logical = table->logicalIndex(visual);
        header->moveSection(header->visualIndex(logical), visual);
        m_groupTree->setColumnHidden(logical, m_table->isColumnHidden(logical));
    }
    const int name = m_model->columnOf(QStringLiteral("name"));
    if (name >= 0)
        m_groupTree->setTreePosition(name);
    const int status = m_model->columnOf(QStringLiteral("status"));
    if (status >= 0 && !m_groupTree->itemDelegateForColumn(status))
        m_groupTree->setItemDelegateForColumn(status, new RunStatusDelegate(m_groupTree));
}

void RunsTableView::setGroupKey(const QString &key)
{
    m_groupBy->setCurrentIndex(std::max(0, m_groupBy->findData(key)));
    applyGrouping();
}

void RunsTableView::applyGrouping()
{
    const QString key = m_groupBy->currentData().toString();
    m_groups->setGroupKey(key);
    m_stack->setCurrentWidget(key.isEmpty() ? static_cast<QWidget *>(m_table) : m_groupTree);
    matchGroupColumns();
    if (!key.isEmpty())
        for (int c = 0; c < m_model->columnCount(); ++c)
            m_groupTree->resizeColumnToContents(c);
    m_compare->setEnabled(!selectedRuns().isEmpty());
}

void RunsTableView::applyFilter()
{
    RunQueryError error;
    if (m_proxy->setFilterText(m_filter->text(), &error)) {
        underline(m_filter, 0, 0);
        m_filterError->hide();
        return;
    }
    underline(m_filter, error.position, std::max(1, error.length));
    m_filterError->setText(error.message);
    m_filterError->show();
}

void RunsTableView::showColumnMenu(const QPoint &pos)
{
    StickyMenu menu(this);
    fillColumnMenu(&menu);
    menu.exec(m_table->horizontalHeader()->mapToGlobal(pos));
}

void RunsTableView::showRunMenu(const QPoint &pos)
{
    const QModelIndex index = m_table->indexAt(pos);
    if (!index.isValid())
        return;
    const Id runId = index.data(RunsTableModel::RunIdRole).toLongLong();
    QMenu menu(this);
    menu.addAction(tr("&Open"), this, [this, runId] { Q_EMIT openRunRequested(runId); });
    QAction *compare = menu.addAction(tr("&Compare Selected"), this,
                                      [this] { Q_EMIT compareRequested(selectedRuns()); });
    compare->setEnabled(!selectedRuns().isEmpty());
    menu.addSeparator();
    QAction *registerModel = menu.addAction(
        tr("&Register Model…"), this, [this, runId] { Q_EMIT registerModelRequested(runId); });
    registerModel->setObjectName(QStringLiteral("registerModelAction"));
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

void RunsTableView::fillColumnMenu(QMenu *menu)
{
    menu->clear();
    qDeleteAll(menu->findChildren<QMenu *>(QString(), Qt::FindDirectChildrenOnly));
    QMenu *groups[3] = {}; // tags, parameters, metrics: made when first needed
    const QString titles[3] = {tr("Tags"), tr("Parameters"), tr("Metrics")};
    for (int c = 0; c < m_model->columnCount(); ++c) {
        const auto group = m_model->columnGroup(c);
        QMenu *into = menu;
        QString text = m_model->headerData(c, Qt::Horizontal).toString();
        if (group != RunsTableModel::Group::Run) {
            const int g = int(group) - 1;
            if (!groups[g]) {
                groups[g] = new StickyMenu(titles[g], menu);
                menu->addMenu(groups[g]);
            }
            into = groups[g];
            const QString name = m_model->columnName(c);
            const QString aggregate = m_model->columnAggregate(c);
            text = aggregate == u"min"    ? tr("%1 (min)").arg(name)
                   : aggregate == u"max"  ? tr("%1 (max)").arg(name)
                   : aggregate == u"last" ? tr("%1 (last)").arg(name)
                                          : name;
        }
        QAction *action = into->addAction(text);
        action->setCheckable(true);
        action->setChecked(!m_table->isColumnHidden(c));
        action->setData(m_model->columnKey(c));
        connect(action, &QAction::toggled, this, [this, c](bool on) {
            m_table->setColumnHidden(c, !on);
            if (on)
                m_table->resizeColumnToContents(c);
            saveColumns();
        });
    }
    menu->addSeparator();
    QAction *constant = menu->addAction(tr("Show Constant Columns"));
    constant->setObjectName(QStringLiteral("showConstantColumns"));
    constant->setToolTip(tr("Also show parameters and tags that are the same for every run"));
    constant->setCheckable(true);
    constant->setChecked(m_showConstant);
    connect(constant, &QAction::toggled, this, [this](bool on) {
        m_showConstant = on;
        QSettings settings = appSettings();
        settings.setValue(constantKey, on);
        restoreColumns();
    });
    menu->addAction(tr("Default Columns"), this, &RunsTableView::resetColumns);
}

bool RunsTableView::isShownByDefault(int column) const
{
    const QString key = m_model->columnKey(column);
    // The id is the name's tooltip; a column every run shares compares nothing.
    if (key == u"created" || key == u"id")
        return false;
    if (!m_showConstant && m_model->isConstant(column) && key != u"name" && key != u"status"
        && m_model->columnGroup(column) != RunsTableModel::Group::Metric)
        return false;
    const QString aggregate = m_model->columnAggregate(column);
    return aggregate.isEmpty() || aggregate == u"last";
}

void RunsTableView::resetColumns()
{
    for (int c = 0; c < m_model->columnCount(); ++c)
        m_table->setColumnHidden(c, !isShownByDefault(c));
    saveColumns();
}

void RunsTableView::restoreColumns()
{
    // By key, so a column a new metric adds does not shift the choice.
    const QSettings settings = appSettings();
    m_showConstant = settings.value(constantKey, false).toBool();
    const QStringList hidden = settings.value(hiddenKey).toStringList();
    const QStringList shown = settings.value(shownKey).toStringList();
    for (int c = 0; c < m_model->columnCount(); ++c) {
        const QString key = m_model->columnKey(c);
        const bool visible = shown.contains(key) || (!hidden.contains(key) && isShownByDefault(c));
        m_table->setColumnHidden(c, !visible);
    }
    arrangeColumns();
    if (m_frozen)
        m_frozen->update();
}

// What people compare comes first: the name (frozen), the status, the
// parameters, the metrics; then when, how long, where, and the tags.
void RunsTableView::arrangeColumns()
{
    QHeaderView *header = m_table->horizontalHeader();
    int visual = 0;
    auto place = [&](int logical) {
        if (logical >= 0)
            header->moveSection(header->visualIndex(logical), visual++);
    };
    place(m_model->columnOf(QStringLiteral("name")));
    place(m_model->columnOf(QStringLiteral("status")));
    for (const auto group : {RunsTableModel::Group::Param, RunsTableModel::Group::Metric})
        for (int c = 0; c < m_model->columnCount(); ++c)
            if (m_model->columnGroup(c) == group)
                place(c);
}

void RunsTableView::saveColumns()
{
    // Keys this table does not have (another experiment's) keep their choice.
    QSettings settings = appSettings();
    QStringList hidden = settings.value(hiddenKey).toStringList();
    QStringList shown = settings.value(shownKey).toStringList();
    for (int c = 0; c < m_model->columnCount(); ++c) {
        const QString key = m_model->columnKey(c);
        hidden.removeAll(key);
        shown.removeAll(key);
        const bool visible = !m_table->isColumnHidden(c);
        if (visible != isShownByDefault(c))
            (visible ? shown : hidden) << key;
    }
    for (const auto &[key, list] : {std::pair{hiddenKey, hidden}, std::pair{shownKey, shown}}) {
        if (list.isEmpty())
            settings.remove(key);
        else
            settings.setValue(key, list);
    }
}

} // namespace mlwb
