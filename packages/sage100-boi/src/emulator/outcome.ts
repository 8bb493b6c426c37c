// A BOI call's result before it is turned into a return code and sLastErrorMsg/sLastErrorNum.
export interface Outcome {
  /** 0 = failure, -1 = success with a warning. */
  code: 0 | -1;
  num: string;
  msg: string;
}

export const fail = (num: string, msg: string): Outcome => ({ code: 0, num, msg });
export const warn = (num: string, msg: string): Outcome => ({ code: -1, num, msg });

export const NO_ACCESS = 'No Access - you are not authorized to perform this action';
