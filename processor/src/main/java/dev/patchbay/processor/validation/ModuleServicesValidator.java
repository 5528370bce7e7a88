package dev.patchbay.processor.validation;

import dev.patchbay.processor.base.TypeNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Checks that a named module declares the {@code provides} lines its plugins need: in a named
 * module {@link java.util.ServiceLoader} ignores {@code META-INF/services} and reads only
 * {@code module-info}.
 */
public final class ModuleServicesValidator {

  /**
   * Checks the {@code provides} lines of the module being compiled.
   *
   * @param module the module being compiled
   * @param services canonical service name to the canonical names of the implementations the
   *     module must provide, both sorted
   * @return an error for each service the module does not provide completely
   */
  public ValidationReport validate(ModuleElement module, Map<String, List<String>> services) {
    ValidationReport.Builder report = ValidationReport.builder();
    String moduleName = module.getQualifiedName().toString();
    for (Map.Entry<String, List<String>> service : services.entrySet()) {
      Optional<ModuleElement.ProvidesDirective> declared = provides(module, service.getKey());
      String line = line(service.getKey(), service.getValue());
      boolean index = service.getKey().equals(TypeNames.PLUGIN_INDEX);
      if (index && !provides(module, service.getKey(), service.getValue())) {
        // A stale index name does not resolve, so javac drops it from the directive: say
        // "replace", not just "add".
        report.error(
            Message.MODULE_MISSING_INDEX_PROVIDES.format(moduleName, line),
            module);
        continue;
      }
      if (declared.isEmpty()) {
        report.error(Message.MODULE_MISSING_PROVIDES.format(moduleName, service.getKey(), line), module);
        continue;
      }
      // Keep what the module already lists (its order too) and add what is missing.
      Set<String> listed = new LinkedHashSet<>();
      for (TypeElement implementation : declared.get().getImplementations()) {
        listed.add(implementation.getQualifiedName().toString());
      }
      List<String> missing = new ArrayList<>(service.getValue());
      missing.removeAll(listed);
      if (!missing.isEmpty()) {
        List<String> complete = new ArrayList<>(listed);
        complete.addAll(missing);
        report.error(Message.MODULE_INCOMPLETE_PROVIDES.format(moduleName, service.getKey(), String.join(", ", missing),
            line(service.getKey(), complete)), module);
      }
    }
    return report.build();
  }

  private static Optional<ModuleElement.ProvidesDirective> provides(
      ModuleElement module, String service) {
    return ElementFilter.providesIn(module.getDirectives()).stream()
        .filter(p -> p.getService().getQualifiedName().contentEquals(service))
        .findFirst();
  }

  /** True when the module provides {@code service} with every one of {@code implementations}. */
  private static boolean provides(
      ModuleElement module, String service, List<String> implementations) {
    return provides(module, service).map(p -> p.getImplementations().stream()
            .map(t -> t.getQualifiedName().toString()).toList().containsAll(implementations))
        .orElse(false);
  }

  /** The exact module-info line, e.g. {@code provides a.Backend with a.Sqlite, a.Memory;}. */
  static String line(String service, List<String> implementations) {
    return "provides " + service + " with " + String.join(", ", implementations) + ";";
  }
}
