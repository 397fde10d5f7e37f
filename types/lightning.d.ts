/// <reference types="@salesforce/lightning-types" />
