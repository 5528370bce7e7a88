package dev.patchbay.loader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The central-directory reader that lists jars: it reads what {@code JarFile} reads for the
 * entries it is asked for, refuses malformed archives with a {@link ZipException}, and declines
 * (null) the archives it leaves to {@code JarFile}; and the manifest reader beside it agrees with
 * {@link Manifest}.
 */
final class ZipDirectoryTest {
  @TempDir Path temp;
  // One inflater for every archive of a test, as a directory shares one across its jars.
  private final Inflater inflater = new Inflater(true);

  @AfterEach
  void endInflater() {
    inflater.end();
  }

  private static final byte[] TEXT = ("patchbay-plugin-listing\t1\npoint\tapi.Greeter\n"
      + "plugin\thello\tsays hello, \u00e9t\u00e9\t0\thello.Hello\n").getBytes(StandardCharsets.UTF_8);

  /** A zip of {@code TEXT} stored and deflated, and an empty entry, with a comment if given. */
  private static byte[] zip(String comment) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("meta-inf/Manifest.MF"));
      zip.write("Manifest-Version: 1.0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
      ZipEntry stored = new ZipEntry("stored.tsv");
      stored.setMethod(ZipEntry.STORED);
      stored.setSize(TEXT.length);
      CRC32 crc = new CRC32();
      crc.update(TEXT);
      stored.setCrc(crc.getValue());
      zip.putNextEntry(stored);
      zip.write(TEXT);
      zip.putNextEntry(new ZipEntry("a/deflated.tsv"));
      zip.write(TEXT);
      zip.putNextEntry(new ZipEntry("empty"));
      if (comment != null) {
        zip.setComment(comment);
      }
    }
    return bytes.toByteArray();
  }

  private byte[] read(byte[] archive, String entry) throws IOException {
    Path file = Files.write(temp.resolve("x.jar"), archive);
    try (ZipDirectory zip = ZipDirectory.open(file.toFile(), inflater)) {
      int record = zip.find(entry, false);
      return record < 0 ? null : zip.read(record);
    }
  }

  @Test
  void readsStoredDeflatedAndEmptyEntries_withAComment_andDataBeforeTheArchive() throws Exception {
    byte[] plain = zip(null);
    byte[] commented = zip("a comment ".repeat(900)); // past the first read from the end
    byte[] prefixed = new byte[100 + plain.length]; // as a launcher script before a jar
    System.arraycopy(plain, 0, prefixed, 100, plain.length);
    for (byte[] archive : List.of(plain, commented, prefixed)) {
      assertArrayEquals(TEXT, read(archive, "stored.tsv"));
      assertArrayEquals(TEXT, read(archive, "a/deflated.tsv"));
      assertArrayEquals(new byte[0], read(archive, "empty"));
      assertNull(read(archive, "a/missing.tsv"));
      assertNull(read(archive, "STORED.tsv"), "names are compared exactly");
    }
    Path file = Files.write(temp.resolve("m.jar"), plain);
    try (ZipDirectory zip = ZipDirectory.open(file.toFile(), inflater)) {
      assertEquals(-1, zip.find(ZipDirectory.MANIFEST, false));
      assertTrue(zip.find(ZipDirectory.MANIFEST, true) >= 0, "the manifest ignoring case");
    }
  }

  @Test
  void malformedArchives_areZipExceptionsSayingWhatIsWrong() throws Exception {
    byte[] good = zip(null);
    byte[] truncated = Arrays.copyOf(good, good.length / 2);
    int firstCentral = indexOf(good, new byte[] {0x50, 0x4b, 0x01, 0x02});
    byte[] badSignature = good.clone();
    badSignature[firstCentral + 1] = 0;
    for (byte[] archive : List.of(new byte[0], "not a zip at all".getBytes(), truncated,
        badSignature)) {
      Path file = Files.write(temp.resolve("bad.jar"), archive);
      assertThrows(ZipException.class, () -> ZipDirectory.open(file.toFile(), inflater).close());
    }
    // Corrupt data of one entry fails when that entry is read, as with ZipFile.
    byte[] corrupt = good.clone();
    int deflated = indexOf(corrupt, "a/deflated.tsv".getBytes(StandardCharsets.UTF_8));
    for (int i = deflated + 14; i < deflated + 40; i++) {
      corrupt[i] = (byte) 0xff;
    }
    ZipException e = assertThrows(ZipException.class, () -> read(corrupt, "a/deflated.tsv"));
    assertTrue(e.getMessage().startsWith("invalid"), e.getMessage());
  }

  @Test
  void zip64Archives_areLeftToJarFile() throws Exception {
    byte[] archive = zip(null);
    int end = lastIndexOf(archive, new byte[] {0x50, 0x4b, 0x05, 0x06});
    archive[end + 10] = (byte) 0xff; // "the count is in the ZIP64 record"
    archive[end + 11] = (byte) 0xff;
    Path file = Files.write(temp.resolve("z.jar"), archive);
    assertNull(ZipDirectory.open(file.toFile(), inflater));
  }

  @Test
  void mainAttributes_readAsManifestReadsThem() throws Exception {
    List<String> manifests = List.of(
        "Manifest-Version: 1.0\r\nPatchbay-Plugin-Id: shout\r\nImplementation-Version: 2.0\r\n\r\n",
        "Manifest-Version: 1.0\npatchbay-plugin-id:  spaced \nIMPLEMENTATION-VERSION: 1\n",
        "Manifest-Version: 1.0\rPatchbay-Plugin-Id: a-very-long-id-that-continues-on-\r the-next-line"
            + "\rImplementation-Version: 3\r\r",
        "Manifest-Version: 1.0\nPatchbay-Plugin-Id: first\nPatchbay-Plugin-Id: second\n",
        "Manifest-Version: 1.0\nImplementation-Version: \u00e9t\u00e9-\n \u00e9\n\nName: x\n"
            + "Patchbay-Plugin-Id: only in a section\n\n",
        "Manifest-Version: 1.0\n\n", "Manifest-Version: 1.0\nPatchbay-Plugin-Id: last");
    for (String text : manifests) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      Attributes main = new Manifest(new ByteArrayInputStream(bytes)).getMainAttributes();
      String[] values = ManifestAttributes.read(bytes, "Patchbay-Plugin-Id",
          "Implementation-Version", "Multi-Release");
      assertEquals(main.getValue("Patchbay-Plugin-Id"), values[0], text);
      assertEquals(main.getValue("Implementation-Version"), values[1], text);
      assertNull(values[2], text);
    }
    for (String bad : List.of("Manifest-Version: 1.0\nno colon here\n\n",
        "Manifest-Version:1.0\n\n", " continued first\n\n")) {
      byte[] bytes = bad.getBytes(StandardCharsets.UTF_8);
      assertThrows(IOException.class, () -> new Manifest(new ByteArrayInputStream(bytes)), bad);
      assertThrows(IOException.class, () -> ManifestAttributes.read(bytes, "X"), bad);
    }
  }

  private static int indexOf(byte[] in, byte[] what) {
    for (int i = 0; i + what.length <= in.length; i++) {
      if (Arrays.equals(in, i, i + what.length, what, 0, what.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }

  private static int lastIndexOf(byte[] in, byte[] what) {
    for (int i = in.length - what.length; i >= 0; i--) {
      if (Arrays.equals(in, i, i + what.length, what, 0, what.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }
}
