package dev.patchbay.samples.spinner;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Bytes to a {@link PrintWriter}: lets the runtime's {@code Spinner}, which draws on a
 * {@link PrintStream}, write to picocli's output writer so in-process tests see what it drew.
 */
public final class WriterOutputStream extends OutputStream {
  private final PrintWriter writer;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  private WriterOutputStream(PrintWriter writer) {
    this.writer = Objects.requireNonNull(writer, "writer");
  }

  /**
   * Returns an auto-flushing UTF-8 print stream that writes through to {@code writer}.
   *
   * @param writer where the text goes
   * @return a print stream over {@code writer}
   */
  public static PrintStream printStream(PrintWriter writer) {
    return new PrintStream(new WriterOutputStream(writer), true, StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void write(int b) {
    pending.write(b);
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    pending.write(bytes, offset, length);
  }

  // Bytes are decoded only on flush, when the PrintStream has written whole characters.
  @Override
  public synchronized void flush() {
    writer.write(pending.toString(StandardCharsets.UTF_8));
    pending.reset();
    writer.flush();
  }

  @Override
  public void close() {
    flush();
  }
}
