package demo.job;

@Job
public final class ReportJob {
  public void process() {
    System.out.println("writing the nightly report");
  }
}
