// The demo page at `/`: browse the emulated company and push documents forward. Plain HTML + fetch against
// /__emulator, no build step; it shows Sage's own table and column names on purpose.
export const EMULATOR_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sage 100 emulator — Conduit</title>
<style>
body{font:14px system-ui,sans-serif;margin:0;color:#1d2733;background:#f6f7f9}
header{background:#14532d;color:#fff;padding:10px 18px;display:flex;gap:18px;align-items:center}
header h1{font-size:16px;margin:0}nav button{background:none;border:0;color:#d1fae5;font-size:14px;cursor:pointer;padding:4px 8px}
nav button.on{color:#fff;border-bottom:2px solid #fff}main{padding:14px 18px}
table{border-collapse:collapse;background:#fff;width:100%;font-size:13px}th,td{border-bottom:1px solid #e5e7eb;padding:4px 8px;text-align:left;white-space:nowrap}
th{background:#eef2f5;position:sticky;top:0}tr.sub td{background:#fafafa;color:#555}button.act{font-size:12px;margin-right:4px}
#msg{margin:8px 0;min-height:18px;color:#14532d}#msg.err{color:#b91c1c}input{font-size:13px}
</style></head><body>
<header><h1>Sage 100 emulator · company <span id="co">ABC</span></h1><nav id="tabs"></nav><span id="clock" style="margin-left:auto;font-size:12px"></span></header>
<main><div id="msg"></div><div><input id="filter" placeholder="filter…" data-testid="filter"></div><div id="view"></div></main>
<script>
const CO='ABC';const $=s=>document.querySelector(s);
const api=async(method,path,body)=>{const r=await fetch(path,{method,headers:body?{'content-type':'application/json'}:{},body:body?JSON.stringify(body):undefined});const j=await r.json();if(!j.ok)throw new Error(j.error.code+': '+j.error.message);return j.data};
const rows=async(t,where)=>(await api('GET','/__emulator/companies/'+CO+'/tables/'+t+(where?'?where='+encodeURIComponent(JSON.stringify(where)):''))).items;
const say=(t,err)=>{const m=$('#msg');m.textContent=t;m.className=err?'err':''};
const money=v=>typeof v==='number'?v.toFixed(2):v;
const esc=v=>String(v??'').replace(/[&<>"]/g,c=>({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));
function grid(items,cols,actions){const f=$('#filter').value.toLowerCase();const list=items.filter(r=>!f||JSON.stringify(r).toLowerCase().includes(f));
return '<table><tr>'+cols.map(c=>'<th>'+c+'</th>').join('')+(actions?'<th></th>':'')+'</tr>'+list.map(r=>'<tr>'+cols.map(c=>'<td>'+esc(money(r[c]))+'</td>').join('')+(actions?'<td>'+actions(r)+'</td>':'')+'</tr>').join('')+'</table>'}
const TABS={
 customers:async()=>grid(await rows('AR_Customer'),['arDivisionNo','customerNo','customerName','city','state','customerStatus','creditHold','creditLimit','currentBalance','openOrderAmt','dateUpdated']),
 orders:async()=>{const h=await rows('SO_SalesOrderHeader');const d=await rows('SO_SalesOrderDetail');const f=$('#filter').value.toLowerCase();
  return '<table><tr><th>SalesOrderNo</th><th>Type</th><th>Status</th><th>Customer</th><th>PO</th><th>Date</th><th>Taxable</th><th>NonTaxable</th><th>Tax</th><th></th></tr>'+h.filter(o=>!f||JSON.stringify(o).toLowerCase().includes(f)).reverse().map(o=>'<tr><td>'+o.salesOrderNo+'</td><td>'+o.orderType+'</td><td>'+o.orderStatus+'</td><td>'+o.arDivisionNo+'-'+esc(o.customerNo)+' '+esc(o.billToName)+'</td><td>'+esc(o.customerPONo)+'</td><td>'+o.orderDate+'</td><td>'+money(o.taxableAmt)+'</td><td>'+money(o.nonTaxableAmt)+'</td><td>'+money(o.salesTaxAmt)+'</td><td><button class=act data-testid="advance-'+o.salesOrderNo+'" onclick="advance(\\''+o.salesOrderNo+'\\')">move forward</button><button class=act data-testid="hold-'+o.salesOrderNo+'" onclick="hold(\\''+o.salesOrderNo+'\\','+(o.orderStatus!=='H')+')">'+(o.orderStatus==='H'?'release hold':'hold')+'</button></td></tr>'+
  d.filter(l=>l.salesOrderNo===o.salesOrderNo).map(l=>'<tr class=sub><td></td><td colspan=3>'+l.lineKey+' '+esc(l.itemCode)+' — '+esc(l.itemCodeDesc)+'</td><td>wh '+l.warehouseCode+'</td><td>qty '+l.quantityOrdered+' (shipped '+l.quantityShipped+')</td><td>@ '+l.unitPrice+'</td><td>'+money(l.extensionAmt)+'</td><td colspan=2></td></tr>').join('')).join('')+'</table>'},
 history:async()=>grid((await rows('SO_SalesOrderHistoryHeader')).reverse(),['salesOrderNo','orderType','orderStatus','customerNo','billToName','customerPONo','orderDate','lastInvoiceOrderNo']),
 items:async()=>{const items=await rows('CI_Item');const stock=await rows('IM_ItemWarehouse');
  return grid(items.map(i=>{const s=stock.filter(w=>w.itemCode===i.itemCode);return {...i,wh000:(s.find(w=>w.warehouseCode==='000')||{}).quantityOnHand,wh001:(s.find(w=>w.warehouseCode==='001')||{}).quantityOnHand,onSO:s.reduce((a,w)=>a+w.quantityOnSalesOrder,0)}}),['itemCode','itemType','itemCodeDesc','productLine','standardUnitPrice','inactiveItem','wh000','wh001','onSO'],i=>i.itemType==='1'?'<button class=act onclick="stock(\\''+i.itemCode+'\\')">change stock</button>':'')},
 invoices:async()=>{const open=await rows('AR_OpenInvoice');return grid((await rows('AR_InvoiceHistoryHeader')).reverse().map(i=>({...i,balance:(open.find(o=>o.invoiceNo===i.invoiceNo)||{}).balance})),['invoiceNo','invoiceType','invoiceDate','customerNo','billToName','salesOrderNo','taxableSalesAmt','nonTaxableSalesAmt','salesTaxAmt','balance'],i=>i.balance>0?'<button class=act onclick="pay(\\''+i.arDivisionNo+'-'+i.customerNo+'\\',\\''+i.invoiceNo+'\\','+i.balance+')">post receipt</button>':'')},
 receipts:async()=>grid((await rows('AR_CashReceiptsHistory')).reverse(),['depositNo','depositDate','customerNo','customerName','checkNo','invoiceNo','cashAmountApplied','invoiceBalance']),
};
let tab='orders';
async function show(t){tab=t||tab;document.querySelectorAll('#tabs button').forEach(b=>b.className=b.dataset.tab===tab?'on':'');try{$('#view').innerHTML=await TABS[tab]();const s=await api('GET','/__emulator/state');$('#clock').textContent='server time '+s.clock.serverLocal}catch(e){say(e.message,true)}}
async function run(p,ok){try{const r=await p;say(ok(r));show()}catch(e){say(e.message,true)}}
window.advance=no=>run(api('POST','/__emulator/companies/'+CO+'/orders/'+no+'/advance',{}),r=>'Order '+no+' → '+r.step+(r.invoiceNo?' (invoice '+r.invoiceNo+')':''));
window.hold=(no,on)=>run(api('POST','/__emulator/companies/'+CO+'/orders/'+no+'/hold',{hold:on}),r=>'Order '+no+' status '+r.orderStatus);
window.pay=(cust,inv,bal)=>{const a=prompt('Amount received for invoice '+inv,bal);if(a)run(api('POST','/__emulator/companies/'+CO+'/cash-receipts',{customer:cust,amount:Number(a),invoiceNo:inv}),r=>'Deposit '+r.depositNo+' posted')};
window.stock=item=>{const w=prompt('Warehouse','000');const q=w&&prompt('New quantity on hand for '+item+' in '+w);if(q)run(api('POST','/__emulator/companies/'+CO+'/stock',{itemCode:item,warehouseCode:w,quantityOnHand:Number(q)}),()=>item+' on hand set to '+q)};
$('#tabs').innerHTML=Object.keys(TABS).map(t=>'<button data-tab="'+t+'" data-testid="tab-'+t+'" onclick="show(\\''+t+'\\')">'+t+'</button>').join('');
$('#filter').oninput=()=>show();show();
</script></body></html>`;
