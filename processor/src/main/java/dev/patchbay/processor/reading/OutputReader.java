package dev.patchbay.processor.reading;

import dev.patchbay.processor.model.OutputState;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 *
 * <p>Whether class files exist is asked for every plugin of a module, thousands of times in one
 * compilation. Where the class output is a directory on disk, each package's directory is listed
 * once and the answers come from that listing; elsewhere (an in-memory file manager, a jar) each
 * file is opened.
 */
public final class OutputReader {
  private final Filer filer;
  /** File names in each package's output directory, or empty when it cannot be listed. */
  private final Map<String, Optional<Set<String>>> listings = new HashMap<>();

  /**
   * Creates a reader.
   *
   * @param filer the filer of this compilation
   */
  public OutputReader(Filer filer) {
    this.filer = filer;
  }

  /**
   * The text of the state the last compilation into this output wrote.
   *
   * @return the text, empty when there is none
   */
  public Optional<String> stateText() {
    return text("", OutputState.RESOURCE);
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
    String fileName = simpleName + ".class";
    Optional<Set<String>> listing = listings.get(packageName);
    if (listing == null) {
      listing = listPackage(packageName, fileName);
      listings.put(packageName, listing);
    }
    if (listing.isPresent()) {
      return listing.get().contains(fileName);
    }
    try {
      FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, packageName, fileName);
      file.openInputStream().close(); // opens only where the file exists
      return true;
    } catch (IOException | IllegalArgumentException | IllegalStateException absent) {
      return false;
    }
  }

  /**
   * The names of the files in a package's output directory, found through the file the compiler
   * names for {@code fileName} there; empty when that is not a file on disk (or the compiler
   * names no file that does not exist yet, as the Eclipse compiler does).
   */
  private Optional<Set<String>> listPackage(String packageName, String fileName) {
    URI uri;
    try {
      uri = filer.getResource(StandardLocation.CLASS_OUTPUT, packageName, fileName).toUri();
    } catch (IOException | IllegalArgumentException | IllegalStateException unknown) {
      return Optional.empty();
    }
    if (!"file".equals(uri.getScheme())) {
      return Optional.empty();
    }
    File directory = new File(uri).getParentFile();
    String[] names = directory == null ? null : directory.list();
    if (names == null) {
      // No such directory (nothing was compiled into this package yet), or not readable.
      return directory != null && !directory.exists() ? Optional.of(new HashSet<>()) : Optional.empty();
    }
    return Optional.of(new HashSet<>(List.of(names)));
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
      if (file.delete()) {
        listings.getOrDefault(packageName, Optional.empty())
            .ifPresent(names -> names.remove(simpleName + ".class"));
      }
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
