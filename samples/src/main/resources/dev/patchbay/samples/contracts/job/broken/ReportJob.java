package demo.job;

@Job
public final class ReportJob {
  // The scheduler looks for process(); this job would never run.
  public void run() {
    System.out.println("writing the nightly report");
  }
}
