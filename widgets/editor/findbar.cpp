#include "editor/findbar.h"

#include <Qsci/qsciscintilla.h>

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QToolButton>

namespace mlwb {

namespace {

struct Selection {
    int fromLine = -1, fromIndex = -1, toLine = -1, toIndex = -1;
    bool operator==(const Selection &o) const
    {
        return fromLine == o.fromLine && fromIndex == o.fromIndex && toLine == o.toLine
               && toIndex == o.toIndex;
    }
};

Selection selectionOf(const QsciScintilla *editor)
{
    Selection s;
    if (editor->hasSelectedText())
        editor->getSelection(&s.fromLine, &s.fromIndex, &s.toLine, &s.toIndex);
    return s;
}

} // namespace

FindBar::FindBar(QWidget *parent)
    : QWidget(parent)
    , m_find(new QLineEdit(this))
    , m_replace(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_replaceRow(new QWidget(this))
{
    m_find->setObjectName(QStringLiteral("findText"));
    m_find->setPlaceholderText(tr("Find"));
    m_find->setClearButtonEnabled(true);
    m_replace->setObjectName(QStringLiteral("replaceText"));
    m_replace->setPlaceholderText(tr("Replace with"));
    m_status->setObjectName(QStringLiteral("findStatus"));
    m_status->setMinimumWidth(fontMetrics().horizontalAdvance(tr("Invalid regular expression")));
    m_case = toggle(tr("Aa"), tr("Match case"), QStringLiteral("matchCase"));
    m_word = toggle(tr("W"), tr("Whole words"), QStringLiteral("wholeWord"));
    m_regex = toggle(tr(".*"), tr("Regular expression"), QStringLiteral("regularExpression"));

    auto *previous = new QPushButton(tr("Previous"), this);
    previous->setObjectName(QStringLiteral("findPrevious"));
    auto *next = new QPushButton(tr("Next"), this);
    next->setObjectName(QStringLiteral("findNext"));
    auto *replaceOne = new QPushButton(tr("Replace"), m_replaceRow);
    replaceOne->setObjectName(QStringLiteral("replaceOne"));
    auto *replaceEvery = new QPushButton(tr("Replace All"), m_replaceRow);
    replaceEvery->setObjectName(QStringLiteral("replaceAll"));
    auto *closeButton = new QToolButton(this);
    closeButton->setObjectName(QStringLiteral("closeFind"));
    closeButton->setText(QStringLiteral("×"));
    closeButton->setToolTip(tr("Close (Esc)"));
    closeButton->setAutoRaise(true);

    auto *findRow = new QHBoxLayout;
    for (QWidget *w : {static_cast<QWidget *>(m_find), static_cast<QWidget *>(m_case),
                       static_cast<QWidget *>(m_word), static_cast<QWidget *>(m_regex),
                       static_cast<QWidget *>(previous), static_cast<QWidget *>(next),
                       static_cast<QWidget *>(m_status), static_cast<QWidget *>(closeButton)})
        findRow->addWidget(w);
    findRow->setStretch(0, 1);
    auto *replaceRow = new QHBoxLayout(m_replaceRow);
    replaceRow->setContentsMargins(0, 0, 0, 0);
    replaceRow->addWidget(m_replace, 1);
    replaceRow->addWidget(replaceOne);
    replaceRow->addWidget(replaceEvery);
    replaceRow->addStretch(0);
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setVerticalSpacing(4);
    layout->addLayout(findRow, 0, 0);
    layout->addWidget(m_replaceRow, 1, 0);

    connect(m_find, &QLineEdit::textEdited, this, &FindBar::searchAsYouType);
    connect(m_find, &QLineEdit::returnPressed, this, &FindBar::findNext);
    connect(m_replace, &QLineEdit::returnPressed, this, &FindBar::replace);
    connect(next, &QPushButton::clicked, this, &FindBar::findNext);
    connect(previous, &QPushButton::clicked, this, &FindBar::findPrevious);
    connect(replaceOne, &QPushButton::clicked, this, &FindBar::replace);
    connect(replaceEvery, &QPushButton::clicked, this, &FindBar::replaceAll);
    connect(closeButton, &QToolButton::clicked, this, &FindBar::close);
    for (QToolButton *t : {m_case, m_word, m_regex})
        connect(t, &QToolButton::toggled, this, &FindBar::searchAsYouType);
    new QShortcut(
        QKeySequence(Qt::SHIFT | Qt::Key_Return), m_find, [this] { findPrevious(); },
        Qt::WidgetShortcut);
    new QShortcut(
        QKeySequence(Qt::Key_Escape), this, [this] { close(); }, Qt::WidgetWithChildrenShortcut);
    setFocusProxy(m_find);
    hide();
}

QToolButton *FindBar::toggle(const QString &text, const QString &tip, const QString &name)
{
    auto *button = new QToolButton(this);
    button->setObjectName(name);
    button->setText(text);
    button->setToolTip(tip);
    button->setCheckable(true);
    button->setAutoRaise(true);
    return button;
}

void FindBar::setEditor(QsciScintilla *editor)
{
    m_editor = editor;
    if (isVisible())
        showStatus(!m_find->text().isEmpty() && countMatches() > 0);
}

void FindBar::showFind()
{
    open(false);
}

void FindBar::showReplace()
{
    open(true);
}

void FindBar::open(bool withReplace)
{
    // Start from the selected word, as most editors do.
    if (m_editor && m_editor->hasSelectedText()
        && !m_editor->selectedText().contains(QLatin1Char('\n')))
        m_find->setText(m_editor->selectedText());
    m_replaceRow->setVisible(withReplace);
    show();
    m_find->setFocus();
    m_find->selectAll();
    showStatus(m_find->text().isEmpty() || countMatches() > 0);
}

void FindBar::close()
{
    hide();
    if (m_editor)
        m_editor->setFocus();
    emit closed();
}

void FindBar::setFindText(const QString &text)
{
    m_find->setText(text);
}

QString FindBar::findText() const
{
    return m_find->text();
}

void FindBar::setReplaceText(const QString &text)
{
    m_replace->setText(text);
}

void FindBar::setOptions(bool caseSensitive, bool wholeWord, bool regularExpression)
{
    m_case->setChecked(caseSensitive);
    m_word->setChecked(wholeWord);
    m_regex->setChecked(regularExpression);
}

bool FindBar::findNext()
{
    return find(true, false);
}

bool FindBar::findPrevious()
{
    return find(false, true);
}

bool FindBar::patternIsValid() const
{
    return !m_regex->isChecked() || QRegularExpression(m_find->text()).isValid();
}

bool FindBar::find(bool forward, bool fromSelectionStart)
{
    if (!m_editor || m_find->text().isEmpty() || !patternIsValid()) {
        showStatus(m_find->text().isEmpty());
        return false;
    }
    const Selection s = selectionOf(m_editor);
    int line = -1, index = -1; // -1: from the cursor
    if (s.fromLine >= 0 && (fromSelectionStart || !forward)) {
        line = s.fromLine;
        index = s.fromIndex;
    } else if (s.fromLine >= 0) {
        line = s.toLine;
        index = s.toIndex;
    }
    const bool regex = m_regex->isChecked();
    const bool found =
        m_editor->findFirst(m_find->text(), regex, m_case->isChecked(), m_word->isChecked(), true,
                            forward, line, index, true, false, regex);
    showStatus(found);
    return found;
}

void FindBar::searchAsYouType()
{
    if (m_editor && !m_find->text().isEmpty())
        find(true, true);
    else
        showStatus(true);
}

bool FindBar::replace()
{
    if (!m_editor)
        return false;
    // Replace only what the user can see is the match; otherwise select it first.
    const Selection before = selectionOf(m_editor);
    if (!find(true, true))
        return false;
    if (before.fromLine < 0 || !(selectionOf(m_editor) == before))
        return false;
    m_editor->replace(m_replace->text());
    find(true, false);
    return true;
}

int FindBar::searchFlags() const
{
    int flags = 0;
    if (m_case->isChecked())
        flags |= QsciScintillaBase::SCFIND_MATCHCASE;
    if (m_word->isChecked())
        flags |= QsciScintillaBase::SCFIND_WHOLEWORD;
    if (m_regex->isChecked())
        flags |= QsciScintillaBase::SCFIND_REGEXP | QsciScintillaBase::SCFIND_CXX11REGEX;
    return flags;
}

int FindBar::countMatches() const
{
    if (!m_editor || m_find->text().isEmpty() || !patternIsValid())
        return 0;
    using B = QsciScintillaBase;
    const QByteArray needle = m_find->text().toUtf8();
    m_editor->SendScintilla(B::SCI_SETSEARCHFLAGS, searchFlags());
    const long end = m_editor->SendScintilla(B::SCI_GETLENGTH);
    long pos = 0;
    int count = 0;
    while (pos <= end) {
        m_editor->SendScintilla(B::SCI_SETTARGETRANGE, pos, end);
        const long found =
            m_editor->SendScintilla(B::SCI_SEARCHINTARGET, needle.size(), needle.constData());
        if (found < 0)
            break;
        ++count;
        const long matchEnd = m_editor->SendScintilla(B::SCI_GETTARGETEND);
        if (matchEnd > found)
            pos = matchEnd;
        else if (matchEnd < end) // an empty match: step over one character
            pos = m_editor->SendScintilla(B::SCI_POSITIONAFTER, matchEnd);
        else
            break;
    }
    return count;
}

int FindBar::replaceAll()
{
    if (!m_editor || m_find->text().isEmpty() || !patternIsValid() || m_editor->isReadOnly())
        return 0;
    using B = QsciScintillaBase;
    const QByteArray needle = m_find->text().toUtf8();
    const QByteArray replacement = m_replace->text().toUtf8();
    const int replaceMessage = m_regex->isChecked() ? B::SCI_REPLACETARGETRE : B::SCI_REPLACETARGET;
    m_editor->SendScintilla(B::SCI_SETSEARCHFLAGS, searchFlags());
    m_editor->beginUndoAction();
    long pos = 0;
    int count = 0;
    for (;;) {
        const long end = m_editor->SendScintilla(B::SCI_GETLENGTH);
        m_editor->SendScintilla(B::SCI_SETTARGETRANGE, pos, end);
        const long found =
            m_editor->SendScintilla(B::SCI_SEARCHINTARGET, needle.size(), needle.constData());
        if (found < 0)
            break;
        const bool empty = m_editor->SendScintilla(B::SCI_GETTARGETEND) == found;
        const long written =
            m_editor->SendScintilla(replaceMessage, replacement.size(), replacement.constData());
        ++count;
        pos = found + written;
        if (empty) { // never match the same empty spot twice
            if (pos >= m_editor->SendScintilla(B::SCI_GETLENGTH))
                break;
            pos = m_editor->SendScintilla(B::SCI_POSITIONAFTER, pos);
        }
    }
    m_editor->endUndoAction();
    m_status->setText(tr("Replaced %n occurrence(s)", nullptr, count));
    return count;
}

void FindBar::showStatus(bool found)
{
    QPalette palette = m_find->palette();
    palette.setColor(QPalette::Base,
                     found ? QWidget::palette().color(QPalette::Base) : QColor(0xfd, 0xe8, 0xe8));
    m_find->setPalette(palette);
    if (!patternIsValid()) {
        m_status->setText(tr("Invalid regular expression"));
    } else if (m_find->text().isEmpty()) {
        m_status->clear();
    } else {
        const int count = countMatches();
        m_status->setText(count == 0 ? tr("No matches") : tr("%n match(es)", nullptr, count));
    }
}

} // namespace mlwb
