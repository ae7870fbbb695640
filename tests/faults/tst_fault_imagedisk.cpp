// An image build on a full disk: a small tmpfs holds the workspace, filled
// until less than the base's layer fits. The build fails naming the cause and
// leaves no image row, no blob and no staging folder; once space is back the
// same build succeeds. Needs root for the tmpfs; skips saying so otherwise.
#include "oci/imagebuilder.h"
#include "registry/modelregistry.h"
#include "store/images.h"
#include "store/workspace.h"
#include "tinybase.h"

#include <QDir>
#include <QProcess>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwb;

class TestFaultImageDisk : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void fullDiskLeavesNothing();

private:
    QTemporaryDir m_dir;
    QString m_disk;
};

void TestFaultImageDisk::initTestCase()
{
    m_disk = m_dir.filePath(QStringLiteral("disk"));
    QDir().mkpath(m_disk);
    QProcess mount;
    mount.start(QStringLiteral("mount"),
                {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                 QStringLiteral("size=8m"), QStringLiteral("tmpfs"), m_disk});
    if (!mount.waitForFinished(30000) || mount.exitStatus() != QProcess::NormalExit
        || mount.exitCode() != 0)
        QSKIP(qPrintable(
            QStringLiteral("A full disk needs a small tmpfs, and mounting one failed "
                           "(this test must run as root): %1%2")
                .arg(mount.errorString(), QString::fromLocal8Bit(mount.readAllStandardError()))));
}

void TestFaultImageDisk::cleanupTestCase()
{
    QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), m_disk});
}

void TestFaultImageDisk::fullDiskLeavesNothing()
{
    const testing::TinyBase base = testing::makeTinyBase(m_dir.filePath(QStringLiteral("base")));
    QVERIFY(base.ok);
    QString error;
    auto ws = Workspace::create(m_disk + QStringLiteral("/ws"), &error);
    QVERIFY2(ws, qPrintable(error));
    QVERIFY(testing::tinyWrite(m_dir.filePath(QStringLiteral("model.pkl")), "weights"));
    QVERIFY(testing::tinyWrite(m_dir.filePath(QStringLiteral("score.py")),
                               "def init():\n    pass\ndef run(d):\n    return d\n"));
    RegisterRequest reg;
    reg.name = QStringLiteral("m");
    reg.path = m_dir.filePath(QStringLiteral("model.pkl"));
    ModelVersion v;
    QVERIFY2(ModelRegistry(*ws).registerModel(reg, &v, &error), qPrintable(error));

    // Leave about 64 KB: less than the base's 256 KB layer.
    const QString filler = m_disk + QStringLiteral("/filler");
    {
        QFile file(filler);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray block(64 * 1024, 'x');
        while (QStorageInfo(m_disk).bytesAvailable() > 64 * 1024
               && file.write(block) == block.size())
            file.flush();
    }
    ImageBuildRequest request;
    request.name = QStringLiteral("svc");
    request.models = {QStringLiteral("m:1")};
    request.scoringScript = m_dir.filePath(QStringLiteral("score.py"));
    request.base = QStringLiteral("oci-archive:") + base.ociArchive;
    Image image;
    QVERIFY(!ImageBuilder(*ws).build(request, &image, &error));
    QVERIFY2(error.contains(QLatin1String("No space left on device")), qPrintable(error));
    QVERIFY2(error.contains(base.layerDigest), qPrintable(error)); // names what it was writing
    const QString images = ws->folder(Workspace::Folder::Images);
    QCOMPARE(Images(*ws).list().size(), 0);
    QCOMPARE(QDir(images + QStringLiteral("/blobs/sha256")).entryList(QDir::Files | QDir::Hidden),
             QStringList());
    QCOMPARE(QDir(images + QStringLiteral("/tmp"))
                 .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList());

    QVERIFY(QFile::remove(filler));
    QVERIFY2(ImageBuilder(*ws).build(request, &image, &error), qPrintable(error));
    QCOMPARE(image.version, 1);
}

QTEST_GUILESS_MAIN(TestFaultImageDisk)
#include "tst_fault_imagedisk.moc"
