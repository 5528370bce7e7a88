package dev.patchbay.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.benchmarks.inputs.PluginSources;
import dev.patchbay.benchmarks.inputs.Variant;
import dev.patchbay.benchmarks.report.Charts;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the harness's own pieces on tiny inputs; no benchmark runs here. */
final class HarnessSmokeTest {

  @Test
  void summary_oddAndEvenCounts_giveMedianRangeAndP99() {
    Summary odd = Summary.of(List.of(5.0, 1.0, 3.0));
    assertEquals(3.0, odd.median());
    assertEquals(1.0, odd.min());
    assertEquals(5.0, odd.max());
    Summary even = Summary.of(List.of(4.0, 1.0, 3.0, 2.0));
    assertEquals(2.5, even.median());
    assertEquals(4.0, even.p99());
    assertThrows(IllegalArgumentException.class, () -> Summary.of(List.of()));
  }

  @Test
  void pluginSources_writeEveryPluginAndTheCatalogue(@TempDir Path dir) throws Exception {
    PluginSources sources = new PluginSources(3);
    List<Path> files = sources.writePlugins(Variant.HAND_WRITTEN, dir);
    // Greeter, three plugins, the hand-written catalogue.
    assertEquals(5, files.size());
    String catalogue = Files.readString(dir.resolve("bench/plugins/HandWrittenCatalog.java"));
    assertTrue(catalogue.contains("case \"p0002\": return new P0002();"), catalogue);
    assertEquals("p0001", sources.middleName());
    String pf4j = Files.readString(sources.writePlugins(Variant.PF4J, dir.resolve("pf4j")).get(1));
    assertTrue(pf4j.contains("@org.pf4j.Extension"), pf4j);
  }

  @Test
  void barChart_writesAReadablePng(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("chart.png");
    Charts.bars(png, "title", "ms", List.of(
        new Charts.Bar("fast", 1.5, 1.0, 2.0, true),
        new Charts.Bar("slow", 150, 120, 190, false)), true);
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(1000, image.getWidth());
    assertTrue(image.getHeight() > 100);
  }
}
