// The demo "Sales" pipeline of the Streak sandbox, as literals: webhook triggers subscribe per pipeline
// and match deliveries by its key, so a template has to name it. Kept as data (the sandbox's seed is
// deterministic; demo-pipeline.test.ts checks these against it) because importing the sandbox here would
// pull a server into the designer's bundle. For another Streak account, pick the pipeline in the trigger.
export const DEMO_PIPELINE = {
  key: 'agxzfm1haWxmb29nYWVyCxIIV29ya2Zsb3cYEgBbom12pbTFNIYj',
  stages: { Lead: '5001', Qualified: '5002', Proposal: '5003', Negotiation: '5004', 'Closed-Won': '5005', 'Closed-Lost': '5006' },
} as const;
