package dev.patchbay.processor.reading;

import dev.patchbay.processor.model.OutputState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Reads what an earlier compilation left in the class output, through the {@code Filer} (as
 * AutoService reads its old service files): Patchbay's own state, service files, class files.
 *
 * <p>A file that is not there reads as empty. Compilers disagree on how they say so (javac throws
 * {@code NoSuchFileException} on opening, the Eclipse compiler {@code FileNotFoundException} on
 * lookup, an in-memory file manager may do either), so any {@code IOException} means "absent".
 */
public final class OutputReader {
  private final Filer filer;

  /**
   * Creates a reader.
   *
   * @param filer the filer of this compilation
   */
  public OutputReader(Filer filer) {
    this.filer = filer;
  }

  /**
   * The state the last compilation into this output wrote.
   *
   * @return the state, {@link OutputState#EMPTY} when there is none
   */
  public OutputState state() {
    return text("", OutputState.RESOURCE).map(OutputState::parse).orElse(OutputState.EMPTY);
  }

  /**
   * The entries of a service file in the output: one class name per line, without comments or
   * blank lines.
   *
   * @param path resource path, like {@code META-INF/services/a.B}
   * @return the entries in file order, empty when the file does not exist
   */
  public Optional<Set<String>> serviceEntries(String path) {
    return text("", path).map(text -> {
      Set<String> entries = new LinkedHashSet<>();
      for (String line : text.split("\n", -1)) {
        int comment = line.indexOf('#');
        String entry = (comment < 0 ? line : line.substring(0, comment)).strip();
        if (!entry.isEmpty()) {
          entries.add(entry);
        }
      }
      return entries;
    });
  }

  /**
   * Whether the output holds a class file for a top-level class.
   *
   * @param packageName its package, empty for the unnamed package
   * @param simpleName its simple name
   * @return true when the class file exists
   */
  public boolean hasClass(String packageName, String simpleName) {
    try {
      FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, packageName, simpleName + ".class");
      try (InputStream in = file.openInputStream()) {
        return true;
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException absent) {
      return false;
    }
  }

  /**
   * Whether the output holds the class file of a class, top-level or nested.
   *
   * @param binaryName the class's binary name ({@code a.b.Outer$Inner})
   * @return true when the class file exists
   */
  public boolean hasClass(String binaryName) {
    int dot = binaryName.lastIndexOf('.');
    return hasClass(dot < 0 ? "" : binaryName.substring(0, dot), binaryName.substring(dot + 1));
  }

  /**
   * Deletes the class file of a top-level class Patchbay generated in an earlier compilation and
   * is about to generate again. The Eclipse compiler refuses to generate a type it can find on
   * the class path, even its own earlier output; javac regenerates it anyway and does not let a
   * processor delete anything (the call does nothing there).
   *
   * @param packageName its package, empty for the unnamed package
   * @param simpleName its simple name
   */
  public void deleteClass(String packageName, String simpleName) {
    try {
      FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, packageName, simpleName + ".class");
      file.delete();
    } catch (IOException | RuntimeException absentOrNotAllowed) {
      // Nothing to delete, or a compiler that does not allow it: generation decides.
    }
  }

  private Optional<String> text(String packageName, String relativeName) {
    return bytes(packageName, relativeName).map(b -> new String(b, StandardCharsets.UTF_8));
  }

  private Optional<byte[]> bytes(String packageName, String relativeName) {
    try {
      FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, packageName, relativeName);
      try (InputStream in = file.openInputStream()) {
        return Optional.of(in.readAllBytes());
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException absent) {
      return Optional.empty();
    }
  }
}
