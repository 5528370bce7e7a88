package dev.patchbay.processor.processingstep;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.patchbay.processor.base.ProcessingContext;
import dev.patchbay.processor.merging.OutputMerger;
import dev.patchbay.processor.validation.Message;
import dev.patchbay.processor.validation.ReportPrinter;
import dev.patchbay.processor.validation.ValidationReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.FilerException;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes what the extension-point step generates through the {@code Filer}, and reports a failure
 * as a diagnostic rather than letting it reach the compiler: Java sources, each after making way
 * for Patchbay's own earlier class of that name (the Eclipse compiler will not overwrite it), and
 * resources.
 */
final class GeneratedFiles {
  private final ProcessingContext context;
  private final ReportPrinter printer;
  private final OutputMerger merger;

  GeneratedFiles(ProcessingContext context, ReportPrinter printer, OutputMerger merger) {
    this.context = context;
    this.printer = printer;
    this.merger = merger;
  }

  /**
   * Writes a resource into the class output, its origins given by qualified name.
   *
   * @param path the resource path
   * @param content its text, written as UTF-8
   * @param originNames qualified names of the classes it derives from (unknown ones are skipped)
   * @param failure the message reporting a failure to write it
   */
  void resource(String path, String content, List<String> originNames, Message failure) {
    Element[] origins = originNames.stream()
        .map(name -> context.elements().getTypeElement(name))
        .filter(Objects::nonNull)
        .toArray(Element[]::new);
    resource(path, content, origins, failure);
  }

  /**
   * Writes a resource into the class output.
   *
   * @param path the resource path
   * @param content its text, written as UTF-8
   * @param origins the elements it derives from
   * @param failure the message reporting a failure to write it
   */
  void resource(String path, String content, Element[] origins, Message failure) {
    try {
      FileObject resource = context.filer()
          .createResource(StandardLocation.CLASS_OUTPUT, "", path, origins);
      try (OutputStream out = resource.openOutputStream();
          Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
        writer.write(content);
      }
    } catch (IOException e) {
      printer.print(ValidationReport.builder()
          .error(failure.format(path, e.getMessage()), null).build());
    }
  }

  /**
   * Writes a generated class, first deleting Patchbay's own earlier class file of that name.
   *
   * @param file the source
   * @param name the class it declares
   * @param origin qualified name of the class errors are reported on, or null
   */
  void java(JavaFile file, ClassName name, String origin) {
    boolean replacing = merger.makeWayFor(name);
    try {
      file.writeTo(context.filer());
    } catch (FilerException refused) {
      if (!replacing) {
        context.reportInternalError(origin == null ? null : context.elements().getTypeElement(origin), refused);
        return;
      }
      // The Eclipse compiler refuses a type it has resolved already, even our own earlier one.
      printer.print(ValidationReport.builder().error(
          Message.EARLIER_OUTPUT_NOT_REPLACED.format(name.canonicalName(), refused.getMessage()),
          origin == null ? null : context.elements().getTypeElement(origin)).build());
    } catch (IOException e) {
      context.reportInternalError(origin == null ? null : context.elements().getTypeElement(origin), e);
    }
  }
}
