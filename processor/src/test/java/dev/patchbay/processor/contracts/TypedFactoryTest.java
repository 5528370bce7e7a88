package dev.patchbay.processor.contracts;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.patchbay.processor.contracts.Compilations.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An extension point whose rules require a constructor, a static method and an override: valid
 * plugins compile silently, and the generated typed factory calls the required constructor.
 */
final class TypedFactoryTest {
  private static final JavaFileObject NOTIFIER = JavaFileObjects.forSourceString(
      "test.notify.Notifier", """
      package test.notify;
      import dev.patchbay.*;
      @ExtensionPoint
      @RequireConstructor(parameters = {String.class, int.class})
      @RequireMethod(name = "supports", parameters = String.class, returns = boolean.class,
          isStatic = true)
      public interface Notifier {
        String send(String message);
        @MustOverride
        default String channel() { return "unknown"; }
      }
      """);

  private static final JavaFileObject SMTP = JavaFileObjects.forSourceString(
      "test.notify.SmtpNotifier", """
      package test.notify;
      import dev.patchbay.*;
      @Plugin(value = "smtp", aliases = "mail")
      public class SmtpNotifier implements Notifier {
        private final String host;
        private final int port;
        public SmtpNotifier(String host, int port) { this.host = host; this.port = port; }
        public static boolean supports(String address) { return address.contains("@"); }
        @Override public String channel() { return "e-mail"; }
        @Override public String send(String message) {
          return "to " + host + ":" + port + " via " + channel() + ": " + message;
        }
      }
      """);

  private static final JavaFileObject SMS = JavaFileObjects.forSourceString(
      "test.notify.SmsNotifier", """
      package test.notify;
      import dev.patchbay.*;
      @Plugin("sms")
      public class SmsNotifier implements Notifier {
        private final String gateway;
        public SmsNotifier(String gateway, int retries) { this.gateway = gateway + "#" + retries; }
        public static boolean supports(String address) { return address.startsWith("+"); }
        @Override public String channel() { return "sms"; }
        @Override public String send(String message) { return gateway + " <- " + message; }
      }
      """);

  @Test
  void validPlugins_compileSilently_andTheTypedFactoryRuns(@TempDir Path dir) throws Exception {
    Compilation compilation = javac().compile(NOTIFIER, SMTP, SMS);
    assertThat(compilation).succeededWithoutWarnings();
    Path classes = Compilations.writeClasses(compilation, dir).toPath();

    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        TypedFactoryTest.class.getClassLoader())) {
      Class<?> registry = loader.loadClass("test.notify.NotifierRegistry");
      var create = registry.getMethod("create", String.class, String.class, int.class);
      var find = registry.getMethod("find", String.class, String.class, int.class);
      Class<?> notifier = loader.loadClass("test.notify.Notifier");
      var send = notifier.getMethod("send", String.class);

      Object smtp = create.invoke(null, "mail", "127.0.0.1", 2525);
      assertThat(send.invoke(smtp, "hi")).isEqualTo("to 127.0.0.1:2525 via e-mail: hi");
      Object sms = create.invoke(null, "sms", "gw", 3);
      assertThat(send.invoke(sms, "hi")).isEqualTo("gw#3 <- hi");
      assertThat(create.invoke(null, "smtp", "a", 1)).isNotSameInstanceAs(smtp);
      assertThat((Optional<?>) find.invoke(null, "pager", "gw", 3)).isEmpty();
    }
    // ServiceLoader could not pass the arguments, so the plugins stay out of its file; the
    // index that Registries.of reads is still registered.
    assertThat(Files.exists(classes.resolve("META-INF/services/test.notify.Notifier"))).isFalse();
    assertThat(Files.exists(classes.resolve("META-INF/services/dev.patchbay.spi.PluginIndex")))
        .isTrue();
  }

  @Test
  void pluginBreakingTheContract_isLeftOutOfTheRegistry(@TempDir Path dir) throws Exception {
    JavaFileObject pager = JavaFileObjects.forSourceString("test.notify.Pager", """
        package test.notify;
        import dev.patchbay.*;
        @Plugin("pager")
        public class Pager implements Notifier {
          public Pager(String host) {}
          public String send(String message) { return message; }
        }
        """);
    Compilation compilation = javac().compile(NOTIFIER, SMTP, pager);

    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation).hadErrorContaining("Pager does not declare public static boolean"
        + " supports(String string)").inFile(pager).onLineContaining("public class Pager");
    assertThat(compilation).hadErrorContaining("Pager does not declare public Pager(String string,"
        + " int value)").inFile(pager).onLineContaining("public class Pager");
    assertThat(compilation).hadErrorContaining("Pager does not override Notifier.channel()")
        .inFile(pager).onLineContaining("public class Pager");

    // The contracts step marks Pager invalid, so the registry step leaves it out (javac would
    // not even report the broken constructor call in generated code once errors exist).
    Compilations.compileToDisk(dir, NOTIFIER, SMTP, pager);
    String registry =
        Files.readString(dir.resolve("generated/test/notify/NotifierRegistry.java"));
    assertThat(registry).contains("SmtpNotifier");
    assertThat(registry).doesNotContain("Pager");
  }
}
