package dev.patchbay.processor.merging;

import dev.patchbay.processor.base.ProcessingContext;
import dev.patchbay.processor.model.OutputState;
import dev.patchbay.processor.reading.OutputReader;
import dev.patchbay.processor.validation.Message;
import dev.patchbay.processor.validation.ValidationReport;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Merges the service files this compilation writes with those already in the output, so that a
 * hand-written file (one Maven copied from {@code src/main/resources}, say) keeps its entries.
 */
final class ServiceFileMerger {
  private final ProcessingContext context;
  private final OutputReader output;

  ServiceFileMerger(ProcessingContext context, OutputReader output) {
    this.context = context;
    this.output = output;
  }

  /**
   * The service files to write, merged with those already in the output: Patchbay's entries of
   * this compilation, and every entry that Patchbay did not write before (a hand-written file in
   * the output, such as one Maven copied from {@code src/main/resources}); entries Patchbay wrote
   * before and not now are stale and dropped.
   *
   * @param earlier what the last compilation into this output generated
   * @param next what this compilation generates
   * @param warnings receives a warning for each kept hand-written entry that names no class
   * @return resource path to content, sorted, for the files whose entries change; an empty
   *     content empties a file (javac cannot delete one, and an empty file is a valid service
   *     file with no providers)
   */
  Map<String, String> merge(OutputState earlier, OutputState next, ValidationReport.Builder warnings) {
    Map<String, String> files = new TreeMap<>();
    Set<String> paths = new TreeSet<>(next.serviceEntries().keySet());
    paths.addAll(earlier.serviceEntries().keySet());
    for (String path : paths) {
      Set<String> ours = next.serviceEntries().getOrDefault(path, Set.of());
      Set<String> lines = new TreeSet<>(ours);
      Optional<Set<String>> existing = output.serviceEntries(path);
      for (String entry : existing.orElse(Set.of())) {
        // Entries Patchbay wrote before and not now are stale; anything else was written by hand.
        if (earlier.serviceEntries().getOrDefault(path, Set.of()).contains(entry)
            || ours.contains(entry)) {
          continue;
        }
        lines.add(entry);
        if (context.elements().getTypeElement(entry.replace('$', '.')) == null) {
          warnings.warning(Message.SERVICE_ENTRY_UNKNOWN_CLASS.format(path, entry), null, null);
        }
      }
      if (existing.isPresent() ? existing.get().equals(lines) : lines.isEmpty()) {
        continue; // already as it should be: not written again
      }
      files.put(path, lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
    }
    return files;
  }
}
