package dev.patchbay.cluster;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import javax.sql.DataSource;

/** Says which database a DataSource points at, for error messages, without its password. */
final class JdbcUrls {
  private JdbcUrls() {}

  /**
   * Describes {@code dataSource} by its JDBC URL where it exposes one (DriverDataSource, and the
   * {@code getUrl}/{@code getURL}/{@code getJdbcUrl} getters of the common drivers and pools).
   */
  static String describe(DataSource dataSource) {
    if (dataSource instanceof DriverDataSource driver) {
      return driver.url();
    }
    for (String getter : new String[] {"getUrl", "getURL", "getJdbcUrl"}) {
      try {
        Method method = dataSource.getClass().getMethod(getter);
        if (method.getReturnType() == String.class && Modifier.isPublic(
            method.getDeclaringClass().getModifiers())) {
          Object url = method.invoke(dataSource);
          if (url != null) {
            return redact(url.toString());
          }
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        // Not this getter, or not accessible from here: try the next, then fall back below.
      }
    }
    return "(a " + dataSource.getClass().getName() + " that does not say its JDBC URL)";
  }

  /** Masks passwords in URL parameters ({@code password=}, {@code pwd=}) and user info. */
  static String redact(String url) {
    return url
        .replaceAll("(?i)((?:password|pwd)=)[^&;?]*", "$1***")
        .replaceAll("(//[^/:@?;]+:)[^@/]*@", "$1***@");
  }
}
