package demo.job;

@Job
public final class CleanupJob {
  public void process() {
    System.out.println("removing temporary files");
  }
}
