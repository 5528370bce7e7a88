package dev.patchbay.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * The one {@code PluginIndex} generated per compilation.
 *
 * @param className the index class
 * @param tables one table per extension point the index answers for, sorted by binary name: every
 *     extension point compiled here (even with no plugins) and every extension point from another
 *     jar that has plugins here
 */
public record IndexModel(ClassName className, List<PluginTable> tables) {

  /** Copies the list. */
  public IndexModel {
    tables = List.copyOf(tables);
  }
}
