package dev.patchbay.processor.validation;

import com.palantir.javapoet.ClassName;
import dev.patchbay.processor.base.TypeNames;
import dev.patchbay.processor.model.IndexModel;
import dev.patchbay.processor.model.PluginModel;
import dev.patchbay.processor.model.PluginTable;
import dev.patchbay.processor.reading.AnnotationMirrors;
import dev.patchbay.processor.writing.ImportPlan;
import dev.patchbay.processor.writing.IndexGenerator;
import dev.patchbay.processor.writing.RegistryGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Checks that the generated registries and index can name every plugin they list. Whether a
 * plugin can be named depends on all the others of the same file (an import one plugin needs
 * may hide another's package), so this runs on whole tables, with the plan the writers use.
 */
public final class NamingValidator {
  private final Elements elements;

  /**
   * Creates a validator.
   *
   * @param elements element utilities
   */
  public NamingValidator(Elements elements) {
    this.elements = elements;
  }

  /**
   * The tables without their unnameable plugins, and an error for each of those.
   *
   * @param report the finished report
   * @param tables the tables, by extension point binary name, in the given order
   */
  public record Result(ValidationReport report, Map<String, PluginTable> tables) {}

  /**
   * Plans the names of every registry and of the index and reports the plugins none can name.
   *
   * @param tables the tables, by extension point binary name
   * @param indexName the index class
   * @return the report and the tables to generate
   */
  public Result validate(Map<String, PluginTable> tables, ClassName indexName) {
    Map<ClassName, ImportPlan.Conflict> conflicts = new LinkedHashMap<>();
    Map<ClassName, String> files = new LinkedHashMap<>();
    for (PluginTable table : tables.values()) {
      if (table.extensionPoint().compiledHere()) {
        RegistryGenerator.importPlan(elements, table).unnameable().forEach((type, conflict) -> {
          conflicts.putIfAbsent(type, conflict);
          files.putIfAbsent(type, table.extensionPoint().registryName().canonicalName());
        });
      }
    }
    IndexGenerator.importPlan(elements, new IndexModel(indexName, List.copyOf(tables.values())))
        .unnameable().forEach((type, conflict) -> {
          conflicts.putIfAbsent(type, conflict);
          files.putIfAbsent(type, indexName.canonicalName());
        });
    if (conflicts.isEmpty()) {
      return new Result(ValidationReport.builder().build(), tables);
    }
    ValidationReport.Builder report = ValidationReport.builder();
    Map<String, PluginTable> kept = new LinkedHashMap<>();
    List<String> reported = new ArrayList<>();
    for (Map.Entry<String, PluginTable> entry : tables.entrySet()) {
      List<PluginModel> plugins = new ArrayList<>();
      for (PluginModel plugin : entry.getValue().plugins()) {
        ImportPlan.Conflict conflict = conflicts.get(plugin.className());
        if (conflict == null) {
          plugins.add(plugin);
          continue;
        }
        TypeElement type = elements.getTypeElement(plugin.qualifiedName());
        if (type != null && !reported.contains(plugin.qualifiedName())) {
          reported.add(plugin.qualifiedName());
          String pkg = plugin.className().packageName();
          report.error(Message.PACKAGE_HIDDEN_BY_TYPE.format(plugin.qualifiedName(),
              files.get(plugin.className()), pkg, conflict.root(), conflict.hiding(),
              plugin.className().topLevelClassName().simpleName(), conflict.taken()),
              type, AnnotationMirrors.find(type, TypeNames.PLUGIN).orElse(null));
        }
      }
      kept.put(entry.getKey(), new PluginTable(entry.getValue().extensionPoint(), plugins));
    }
    return new Result(report.build(), kept);
  }
}
