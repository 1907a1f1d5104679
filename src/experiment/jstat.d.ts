/** The part of jstat (1.9.6, which ships no types) that the experiment statistics use. */
declare module 'jstat' {
  interface StudentT {
    /** The p-quantile of Student's t-distribution with `dof` degrees of freedom. */
    inv(p: number, dof: number): number;
    cdf(x: number, dof: number): number;
  }
  const jStat: { readonly studentt: StudentT };
  export default jStat;
}
