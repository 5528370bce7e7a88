package dev.patchbay.benchmarks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the report's PNG charts with Java2D, so the harness needs nothing beyond the JDK.
 *
 * <p>Bar charts show each variant's median as a bar and its min–max range as a whisker; line
 * charts show series over time (the timer's lateness per tick).
 */
public final class Charts {
  private static final int WIDTH = 1000;
  private static final Color PATCHBAY = new Color(0x1f6fb4);
  private static final Color OTHER = new Color(0x9aa5b1);
  private static final Color INK = new Color(0x222222);
  private static final Color GRID = new Color(0xdddddd);
  private static final Color[] SERIES = {
      new Color(0x1f6fb4), new Color(0xd9541e), new Color(0x2e8b57), new Color(0x8e44ad)};

  /**
   * One bar: a median with its range.
   *
   * @param label the variant
   * @param median the bar's length
   * @param min the whisker's start
   * @param max the whisker's end
   * @param highlight whether to draw it in Patchbay's colour
   */
  public record Bar(String label, double median, double min, double max, boolean highlight) {}

  /**
   * One line of a line chart.
   *
   * @param name the legend entry
   * @param x x values
   * @param y y values, as many as {@code x}
   */
  // Carries plotting data only, never compared or hashed; primitive arrays spare the boxing.
  @SuppressWarnings("ArrayRecordComponent")
  public record Series(String name, double[] x, double[] y) {}

  private Charts() {}

  /**
   * Draws a horizontal bar chart.
   *
   * @param file the PNG to write
   * @param title the chart title
   * @param unit the unit of the values, shown on the axis
   * @param bars the bars, top to bottom
   * @param logScale whether the value axis is logarithmic (for values spanning decades)
   * @throws IOException when the file cannot be written
   */
  public static void bars(Path file, String title, String unit, List<Bar> bars, boolean logScale)
      throws IOException {
    int rowHeight = 34;
    int top = 56;
    int bottom = 46;
    int height = top + bottom + rowHeight * bars.size();
    BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = start(image, title);
    Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    g.setFont(labelFont);
    FontMetrics fm = g.getFontMetrics();
    int left = 24;
    for (Bar bar : bars) {
      left = Math.max(left, fm.stringWidth(bar.label()) + 24);
    }
    int right = WIDTH - 110;
    double hi = 0;
    double lo = Double.MAX_VALUE;
    for (Bar bar : bars) {
      hi = Math.max(hi, bar.max());
      lo = Math.min(lo, Math.max(bar.min(), 1e-9));
    }
    Scale scale = logScale
        ? Scale.log(Math.pow(10, Math.floor(Math.log10(lo))), Math.pow(10, Math.ceil(Math.log10(hi))))
        : Scale.fitted(0, hi);
    int axisY = top + rowHeight * bars.size();
    // Grid lines and tick labels first, so bars draw over them.
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    for (double tick : scale.ticks()) {
      int x = left + (int) Math.round(scale.fraction(tick) * (right - left));
      g.setColor(GRID);
      g.drawLine(x, top - 6, x, axisY);
      g.setColor(INK);
      String text = tick(tick);
      g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, axisY + 16);
    }
    String axis = unit + (logScale ? " (log scale)" : "") + "; bar = median, whisker = min–max";
    g.drawString(axis, left, axisY + 34);
    g.setFont(labelFont);
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      int y = top + i * rowHeight;
      int x0 = left;
      int x1 = left + (int) Math.round(scale.fraction(bar.median()) * (right - left));
      g.setColor(bar.highlight() ? PATCHBAY : OTHER);
      g.fillRect(x0, y + 6, Math.max(2, x1 - x0), rowHeight - 14);
      int wMin = left + (int) Math.round(scale.fraction(bar.min()) * (right - left));
      int wMax = left + (int) Math.round(scale.fraction(bar.max()) * (right - left));
      int mid = y + rowHeight / 2 - 1;
      g.setColor(INK);
      g.setStroke(new BasicStroke(1.5f));
      g.drawLine(wMin, mid, wMax, mid);
      g.drawLine(wMin, mid - 5, wMin, mid + 5);
      g.drawLine(wMax, mid - 5, wMax, mid + 5);
      g.drawString(bar.label(), left - 8 - fm.stringWidth(bar.label()), mid + 5);
      g.drawString(Format.num(bar.median()), Math.max(x1, wMax) + 6, mid + 5);
    }
    g.setColor(INK);
    g.drawLine(left, top - 6, left, axisY);
    g.drawLine(left, axisY, right, axisY);
    finish(g, image, file);
  }

  /**
   * Draws a line chart.
   *
   * @param file the PNG to write
   * @param title the chart title
   * @param xLabel the x axis' label with unit
   * @param yLabel the y axis' label with unit
   * @param series the lines
   * @throws IOException when the file cannot be written
   */
  public static void lines(Path file, String title, String xLabel, String yLabel,
      List<Series> series) throws IOException {
    int height = 500 + 20 * series.size();
    BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = start(image, title);
    int left = 80;
    int right = WIDTH - 30;
    int top = 60;
    int bottom = height - 50 - 20 * series.size();
    double xMax = 0;
    double yMax = 0;
    double yMin = 0;
    for (Series s : series) {
      for (double x : s.x()) {
        xMax = Math.max(xMax, x);
      }
      for (double y : s.y()) {
        yMax = Math.max(yMax, y);
        yMin = Math.min(yMin, y);
      }
    }
    Scale xs = Scale.fitted(0, xMax);
    Scale ys = Scale.fitted(yMin, yMax);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    for (double t : xs.ticks()) {
      int x = left + (int) Math.round(xs.fraction(t) * (right - left));
      g.setColor(GRID);
      g.drawLine(x, top, x, bottom);
      g.setColor(INK);
      String text = tick(t);
      g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, bottom + 16);
    }
    for (double t : ys.ticks()) {
      int y = bottom - (int) Math.round(ys.fraction(t) * (bottom - top));
      g.setColor(GRID);
      g.drawLine(left, y, right, y);
      g.setColor(INK);
      String text = tick(t);
      g.drawString(text, left - 8 - g.getFontMetrics().stringWidth(text), y + 4);
    }
    g.drawString(xLabel, (left + right) / 2 - g.getFontMetrics().stringWidth(xLabel) / 2,
        bottom + 36);
    g.drawString(yLabel, left, top - 10);
    g.drawLine(left, top, left, bottom);
    g.drawLine(left, bottom, right, bottom);
    g.setStroke(new BasicStroke(1.6f));
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      g.setColor(SERIES[i % SERIES.length]);
      int px = -1;
      int py = -1;
      for (int k = 0; k < s.x().length; k++) {
        int x = left + (int) Math.round(xs.fraction(s.x()[k]) * (right - left));
        int y = bottom - (int) Math.round(ys.fraction(s.y()[k]) * (bottom - top));
        if (px >= 0) {
          g.drawLine(px, py, x, y);
        }
        px = x;
        py = y;
      }
      int legendY = bottom + 60 + 20 * i;
      int legendX = left;
      g.fillRect(legendX, legendY - 9, 18, 4);
      g.setColor(INK);
      g.drawString(s.name(), legendX + 24, legendY - 3);
    }
    finish(g, image, file);
  }

  private static String tick(double value) {
    return java.math.BigDecimal.valueOf(value).round(new java.math.MathContext(6))
        .stripTrailingZeros().toPlainString();
  }

  private static Graphics2D start(BufferedImage image, String title) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setColor(INK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(title, 20, 28);
    return g;
  }

  private static void finish(Graphics2D g, BufferedImage image, Path file) throws IOException {
    g.dispose();
    Files.createDirectories(file.toAbsolutePath().getParent());
    ImageIO.write(image, "png", file.toFile());
  }

  /** Rounds up to 1, 2 or 5 times a power of ten, so axes end on a readable number. */
  static double niceCeiling(double value) {
    if (value <= 0) {
      return 1;
    }
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 5, 10}) {
      if (step * power >= value) {
        return step * power;
      }
    }
    return 10 * power;
  }

  /** Maps values to [0, 1] along an axis. */
  private record Scale(double lo, double hi, boolean log) {
    /** A linear axis from a round number at or below lo to one at or above hi. */
    static Scale fitted(double lo, double hi) {
      double step = niceCeiling((hi - Math.min(lo, 0)) / 5);
      double from = Math.floor(Math.min(lo, 0) / step) * step;
      double to = Math.max(step, Math.ceil(hi / step) * step);
      return new Scale(from, to, false);
    }

    static Scale log(double lo, double hi) {
      return new Scale(lo, hi <= lo ? lo * 10 : hi, true);
    }

    double fraction(double value) {
      if (log) {
        double v = Math.max(value, lo);
        return (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
      }
      return (value - lo) / (hi - lo);
    }

    double[] ticks() {
      if (log) {
        int from = (int) Math.round(Math.log10(lo));
        int to = (int) Math.round(Math.log10(hi));
        double[] ticks = new double[to - from + 1];
        for (int i = 0; i < ticks.length; i++) {
          ticks[i] = Math.pow(10, from + i);
        }
        return ticks;
      }
      double step = niceCeiling((hi - lo) / 5);
      int n = (int) Math.floor((hi - lo) / step + 1e-9) + 1;
      double[] ticks = new double[n];
      for (int i = 0; i < n; i++) {
        ticks[i] = lo + i * step;
      }
      return ticks;
    }
  }
}
