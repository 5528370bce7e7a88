package dev.patchbay.loader;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lists the jar candidates of a plugin folder: entries directly in it named {@code *.jar}, with
 * their file state, or refused with a problem when they are not regular files.
 */
final class FolderScan {
  private FolderScan() {}

  /** The folder's candidate entries: names ending in .jar directly in it, by file name. */
  static List<Candidate> scan(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw Files.exists(folder)
          ? new NotDirectoryException(folder + " is not a directory: give the plugin folder")
          : new NoSuchFileException(folder.toString(), null,
              "the plugin folder does not exist: create it or give another path");
    }
    // Names through java.io.File, sorted as strings: the folder's paths are made for jars only.
    String[] names = folder.toFile().list();
    if (names == null) {
      names = listNames(folder); // says why it cannot be listed
    }
    Arrays.sort(names); // by file name: the order of jars(), events and reports
    List<Candidate> found = new ArrayList<>();
    for (String name : names) {
      if (name.length() <= 4 || !name.regionMatches(true, name.length() - 4, ".jar", 0, 4)) {
        continue; // not a jar: other files may live in the folder
      }
      Path path = folder.resolve(name);
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(path, BasicFileAttributes.class,
            LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        found.add(new Candidate(path, name, null, "cannot read the attributes of " + path + ": "
            + JarReader.describe(e)));
        continue;
      }
      if (!attributes.isRegularFile()) {
        found.add(new Candidate(path, name, null, path + " is "
            + (attributes.isSymbolicLink() ? "a symbolic link" : attributes.isDirectory()
                ? "a directory" : "not a regular file")
            + "; only regular jar files directly in the plugin folder are read. Copy the jar"
            + " itself into the folder."));
        continue;
      }
      found.add(new Candidate(path, name, new LoadedJar.FileStamp(attributes.size(),
          attributes.lastModifiedTime(), attributes.fileKey()), null));
    }
    return found;
  }

  /** The names in {@code folder} through NIO, whose exceptions say why it cannot be listed. */
  private static String[] listNames(Path folder) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> listing = Files.newDirectoryStream(folder)) {
      for (Path path : listing) {
        names.add(path.getFileName().toString());
      }
    }
    return names.toArray(new String[0]);
  }

  /** A directory entry named like a jar: a file to read, or one refused with a problem. */
  record Candidate(Path path, String fileName, LoadedJar.FileStamp stamp, String refusal) {}
}
