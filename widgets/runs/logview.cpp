#include "runs/logview.h"

#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollBar>
#include <QShortcut>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

namespace mlwb {

namespace {
constexpr int defaultMaximumLines = 200000;
// Bytes read per look; more is read on the next turn of the event loop.
constexpr qint64 chunkBytes = 4 * 1024 * 1024;
// A log opened when already larger than this is shown from its tail.
constexpr qint64 maxInitialBytes = 32 * 1024 * 1024;
constexpr int maxHighlights = 1000;
} // namespace

LogView::LogView(QWidget *parent)
    : QWidget(parent)
    , m_text(new QPlainTextEdit(this))
    , m_note(new QLabel(this))
{
    m_text->setObjectName(QStringLiteral("logText"));
    m_text->setReadOnly(true);
    m_text->setUndoRedoEnabled(false); // a log is never edited: keep no undo copy of it
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setMaximumBlockCount(defaultMaximumLines);
    m_text->setPlaceholderText(tr("Nothing has been written to the log yet."));
    m_note->setObjectName(QStringLiteral("logNote"));
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(createSearchBar());
    layout->addWidget(m_note);
    layout->addWidget(m_text, 1);

    QScrollBar *bar = m_text->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, &LogView::onScrolled);
    connect(bar, &QScrollBar::rangeChanged, this, [this] {
        if (m_following)
            scrollToEnd();
    });
    m_poll.setInterval(pollInterval());
    connect(&m_poll, &QTimer::timeout, this, &LogView::readNew);
    m_highlightTimer.setSingleShot(true);
    connect(&m_highlightTimer, &QTimer::timeout, this, &LogView::highlightMatches);
}

QWidget *LogView::createSearchBar()
{
    auto *bar = new QWidget(this);
    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("logSearch"));
    m_search->setPlaceholderText(tr("Find in log (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(320);
    auto *previous = new QToolButton(bar);
    previous->setArrowType(Qt::UpArrow);
    previous->setToolTip(tr("Previous match (Shift+F3)"));
    auto *next = new QToolButton(bar);
    next->setArrowType(Qt::DownArrow);
    next->setToolTip(tr("Next match (F3)"));
    m_matches = new QLabel(bar);
    m_matches->setObjectName(QStringLiteral("logMatches"));
    m_follow = new QToolButton(bar);
    m_follow->setObjectName(QStringLiteral("followButton"));
    m_follow->setText(tr("Follow"));
    m_follow->setToolTip(tr("Keep the newest output in view"));
    m_follow->setCheckable(true);
    m_follow->setChecked(true);
    m_follow->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(m_matches);
    layout->addStretch(1);
    layout->addWidget(m_follow);

    connect(m_search, &QLineEdit::textChanged, this, [this] { m_highlightTimer.start(150); });
    connect(m_search, &QLineEdit::returnPressed, this, &LogView::findNext);
    connect(previous, &QToolButton::clicked, this, &LogView::findPrevious);
    connect(next, &QToolButton::clicked, this, &LogView::findNext);
    connect(m_follow, &QToolButton::toggled, this, &LogView::setFollowing);
    const auto shortcut = [this](QKeySequence::StandardKey key, void (LogView::*slot)()) {
        auto *s = new QShortcut(key, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence::Find, &LogView::showSearch);
    shortcut(QKeySequence::FindNext, &LogView::findNext);
    shortcut(QKeySequence::FindPrevious, &LogView::findPrevious);
    return bar;
}

void LogView::setFile(const QString &path)
{
    m_path = path;
    restart(0);
}

void LogView::setLive(bool live)
{
    if (live)
        m_poll.start();
    else
        m_poll.stop();
    readNew(); // a run that just ended may have written its last lines
}

void LogView::setFollowing(bool follow)
{
    m_following = follow;
    if (m_follow->isChecked() != follow)
        m_follow->setChecked(follow);
    if (follow)
        scrollToEnd();
}

int LogView::maximumLines() const
{
    return m_text->maximumBlockCount();
}

void LogView::setMaximumLines(int lines)
{
    m_text->setMaximumBlockCount(lines);
}

QString LogView::text() const
{
    return m_text->toPlainText();
}

void LogView::restart(qint64 from)
{
    m_text->clear();
    m_offset = from;
    m_decoder.resetState();
    m_pendingCarriageReturn = false;
    m_droppedHead = false;
    m_error.clear();
    readNew();
}

void LogView::readNew()
{
    if (m_path.isEmpty() || !QFile::exists(m_path))
        return; // the run has not written anything yet
    QByteArray bytes;
    QString error;
    const bool ok = readChunk(&bytes, &error);
    if (error != m_error) {
        m_error = error;
        updateNote();
    }
    if (!ok || bytes.isEmpty())
        return;
    append(normalizeNewlines(m_decoder.decode(bytes)));
    if (QFileInfo(m_path).size() > m_offset)
        QTimer::singleShot(0, this, &LogView::readNew);
}

bool LogView::readChunk(QByteArray *bytes, QString *error)
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("The log could not be read: %1").arg(file.errorString());
        return false;
    }
    const qint64 size = file.size();
    if (size < m_offset) { // replaced or truncated: show it afresh
        m_text->clear();
        m_offset = 0;
        m_decoder.resetState();
    }
    bool skipPartialLine = false;
    if (m_offset == 0 && size > maxInitialBytes) {
        m_offset = size - maxInitialBytes;
        m_droppedHead = skipPartialLine = true;
        updateNote();
    }
    if (!file.seek(m_offset)) {
        *error = tr("The log could not be read: %1").arg(file.errorString());
        return false;
    }
    *bytes = file.read(chunkBytes);
    m_offset += bytes->size();
    if (skipPartialLine) // start at a line (and so a character) boundary
        bytes->remove(0, bytes->indexOf('\n') + 1);
    return true;
}

// CRLF becomes one line break; a lone CR (progress bars) starts a new line.
QString LogView::normalizeNewlines(QString text)
{
    if (m_pendingCarriageReturn)
        text.prepend(QLatin1Char('\r'));
    m_pendingCarriageReturn = text.endsWith(QLatin1Char('\r'));
    if (m_pendingCarriageReturn)
        text.chop(1); // it may be the first half of a CRLF split across reads
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    if (text.contains(QChar(0x1b))) { // terminal colours mean nothing here
        static const QRegularExpression ansi(QStringLiteral("\\x1b\\[[0-9;?]*[A-Za-z]"));
        text.remove(ansi);
    }
    return text;
}

void LogView::append(const QString &text)
{
    if (text.isEmpty())
        return;
    m_scrolling = true;
    QTextCursor cursor(m_text->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(text);
    m_scrolling = false;
    if (m_following)
        scrollToEnd();
    if (!m_droppedHead && m_text->document()->blockCount() >= m_text->maximumBlockCount()) {
        m_droppedHead = true;
        updateNote();
    }
    if (!m_search->text().isEmpty() && !m_highlightTimer.isActive())
        m_highlightTimer.start(500);
}

void LogView::scrollToEnd()
{
    m_scrolling = true;
    QScrollBar *bar = m_text->verticalScrollBar();
    bar->setValue(bar->maximum());
    m_scrolling = false;
}

// Scrolling up stops following; scrolling back to the end resumes it.
void LogView::onScrolled(int value)
{
    if (m_scrolling)
        return;
    const bool atEnd = value >= m_text->verticalScrollBar()->maximum();
    if (atEnd != m_following)
        setFollowing(atEnd);
}

void LogView::updateNote()
{
    QStringList parts;
    if (!m_error.isEmpty())
        parts << m_error;
    if (m_droppedHead)
        parts << tr("Older lines are not shown: this view keeps the last %1 lines. "
                    "The whole log is %2")
                     .arg(QLocale().toString(maximumLines()), m_path);
    m_note->setText(parts.join(QLatin1Char('\n')));
    m_note->setVisible(!parts.isEmpty());
}

void LogView::showSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void LogView::findNext()
{
    find(false);
}

void LogView::findPrevious()
{
    find(true);
}

void LogView::find(bool backward)
{
    const QString needle = m_search->text();
    if (needle.isEmpty())
        return;
    const QTextDocument::FindFlags flags =
        backward ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    QTextDocument *doc = m_text->document();
    QTextCursor found = doc->find(needle, m_text->textCursor(), flags);
    if (found.isNull()) { // wrap around
        QTextCursor from(doc);
        if (backward)
            from.movePosition(QTextCursor::End);
        found = doc->find(needle, from, flags);
    }
    if (found.isNull())
        return;
    setFollowing(false); // the user is looking at something else now
    m_text->setTextCursor(found);
    m_text->centerCursor();
}

void LogView::highlightMatches()
{
    QList<QTextEdit::ExtraSelection> selections;
    const QString needle = m_search->text();
    if (!needle.isEmpty()) {
        QTextEdit::ExtraSelection match;
        match.format.setBackground(QColor(255, 214, 0, 140));
        QTextCursor cursor(m_text->document());
        while (selections.size() < maxHighlights) {
            cursor = m_text->document()->find(needle, cursor);
            if (cursor.isNull())
                break;
            match.cursor = cursor;
            selections << match;
        }
    }
    m_text->setExtraSelections(selections);
    const int n = int(selections.size());
    if (needle.isEmpty())
        m_matches->clear();
    else if (n >= maxHighlights)
        m_matches->setText(tr("%1+ matches").arg(QLocale().toString(maxHighlights)));
    else
        m_matches->setText(n == 0   ? tr("No matches")
                           : n == 1 ? tr("1 match")
                                    : tr("%1 matches").arg(QLocale().toString(n)));
}

} // namespace mlwb
