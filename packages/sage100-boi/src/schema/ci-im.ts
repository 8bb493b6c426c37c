// Common Information item master and Inventory Management quantities (reference §3.6, §3.7).
import { defineTable } from './columns';

export const IM_Warehouse = defineTable({ name: 'IM_Warehouse', columns: 'WarehouseCode:S3 WarehouseDesc:S30', key: ['WarehouseCode'] });
export const IM_ProductLine = defineTable({ name: 'IM_ProductLine', columns: 'ProductLine:S4 ProductLineDesc:S30 SalesAcctKey:S9', key: ['ProductLine'] });

export const CI_Item = defineTable({
  name: 'CI_Item',
  columns: `ItemCode:S30 ItemType:S1 ItemCodeDesc:S30 ProductLine:S4 ProductType:S1 Valuation:S1 StandardUnitPrice:N16.6
    StandardUnitCost:N16.6 AverageUnitCost:N16.6! LastTotalUnitCost:N16.6! SuggestedRetailPrice:N16.6 StandardUnitOfMeasure:S4
    SalesUnitOfMeasure:S4 PurchaseUnitOfMeasure:S4 SalesUMConvFctr:N12.4 PurchaseUMConvFctr:N12.4 DefaultWarehouseCode:S3
    PriceCode:S4 TaxClass:S2 PurchasesTaxClass:S2 PrimaryAPDivisionNo:S2 PrimaryVendorNo:S7 AllowBackOrders:Y AllowReturns:Y
    AllowTradeDiscount:Y UseInAR:Y UseInSO:Y UseInPO:Y UseInBM:Y InactiveItem:Y TotalQuantityOnHand:N16.6! ShipWeight:S10
    Volume:N12.4 Category1:S10 Category2:S10 Category3:S10 Category4:S10 SalesAcctKey:S9 LastSoldDate:D! LastReceiptDate:D!`,
  key: ['ItemCode'],
  defaults: { ItemType: '1', ProductType: 'F', Valuation: '2', SalesUMConvFctr: 1, PurchaseUMConvFctr: 1, StandardUnitOfMeasure: 'EACH', SalesUnitOfMeasure: 'EACH', PurchaseUnitOfMeasure: 'EACH', TaxClass: 'TX', AllowBackOrders: 'Y', UseInSO: 'Y', UseInAR: 'Y' },
  required: ['ItemCodeDesc'],
  lookups: { ProductLine: { table: 'IM_ProductLine', from: ['ProductLine'] }, DefaultWarehouseCode: { table: 'IM_Warehouse', from: ['DefaultWarehouseCode'] } },
});

export const IM_ItemWarehouse = defineTable({
  name: 'IM_ItemWarehouse',
  columns: `ItemCode:S30 WarehouseCode:S3 BinLocation:S10 ReorderMethod:S1 QuantityOnHand:N16.6 QuantityOnSalesOrder:N16.6
    QuantityOnBackOrder:N16.6 QuantityOnPurchaseOrder:N16.6 QuantityOnWorkOrder:N16.6 QuantityRequiredForWO:N16.6 QuantityInShipping:N16.6
    AverageCost:N16.6 EconomicOrderQty:N16.6 ReorderPointQty:N16.6 MinimumOrderQty:N16.6 MaximumOnHandQty:N16.6 TotalWarehouseValue:N14.2
    LastPhysicalCountDate:D`,
  key: ['ItemCode', 'WarehouseCode'],
  audit: 'updated',
  indexes: { byWarehouse: ['WarehouseCode'] },
});
